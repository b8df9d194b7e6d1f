namespace EdgeNode.Sensors;

/// <summary>What a sensor can physically measure (its datasheet's range); anything outside is a fault, never a value.</summary>
public readonly record struct MeasurementRange(double Minimum, double Maximum)
{
    public bool Contains(double value) => value >= Minimum && value <= Maximum;

    /// <summary>Returns the measurement, or throws <see cref="SensorFaultKind.OutOfRange"/> naming the sensor and the value.</summary>
    public Measurement Check(string sensor, Metric metric, double value)
    {
        if (!Contains(value))
        {
            throw new SensorFaultException(SensorFaultKind.OutOfRange, sensor,
                $"{sensor} reported {metric} = {value:0.##}, outside its range {Minimum:0.##}–{Maximum:0.##}: the sensor is faulty or its data is garbled; replace it if this persists.");
        }

        return new Measurement(metric, value);
    }
}
