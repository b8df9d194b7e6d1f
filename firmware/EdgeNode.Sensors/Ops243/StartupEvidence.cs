namespace EdgeNode.Sensors.Ops243;

/// <summary>
/// What came back while the counter asked the sensor who it is, so that a failure can say which of four
/// different things is wrong: nothing there, another device, a garbled line, or a one-way wire.
/// </summary>
internal sealed class StartupEvidence
{
    public int Reports { get; private set; }

    public int Answers { get; private set; }

    public int ForeignLines { get; private set; }

    public int GarbageLines { get; private set; }

    public string? Sample { get; private set; }

    public void Record(Ops243Line line)
    {
        switch (line.Kind)
        {
            case Ops243LineKind.SpeedReport:
                Reports++;
                break;
            case Ops243LineKind.Answer:
                Answers++;
                break;
            case Ops243LineKind.ForeignText:
                ForeignLines++;
                Sample ??= line.Text;
                break;
            case Ops243LineKind.Garbage:
                GarbageLines++;
                Sample ??= line.Text;
                break;
        }
    }

    public SensorFaultException ToFault(string sensor, string portName)
    {
        if (ForeignLines > 0 && Reports == 0 && Answers == 0)
        {
            return new SensorFaultException(SensorFaultKind.NotPresent, sensor,
                $"{sensor}: the device on {portName} is not an OPS24x radar; it sends lines such as \"{Sample}\" and does not answer ?P. "
                + "Check which device is plugged in and that the udev name /dev/edgenode-radar points at the radar.");
        }

        if (GarbageLines > 0 && Reports == 0 && Answers == 0)
        {
            return new SensorFaultException(SensorFaultKind.CorruptData, sensor,
                $"{sensor}: only unreadable bytes arrive on {portName} (e.g. \"{Sample}\"). On the UART check the baud rate "
                + "(the OPS243 defaults to 19200), the ground wire and the cable length; on USB replace the cable.");
        }

        if (Reports > 0 || Answers > 0)
        {
            return new SensorFaultException(SensorFaultKind.NotAnswering, sensor,
                $"{sensor} sends data on {portName} but does not answer the ?P query: commands do not reach it. "
                + "On the UART check the wire from the Pi's TXD (header pin 8) to the sensor's RX; on USB unplug and replug the sensor.");
        }

        return new SensorFaultException(SensorFaultKind.NotAnswering, sensor,
            $"{sensor} does not answer on {portName}: nothing came back to ?P. Check that the radar is plugged in "
            + "(its LEDs light when powered), the USB cable, and that the configured port is the radar's.");
    }
}
