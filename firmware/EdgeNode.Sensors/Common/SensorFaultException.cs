namespace EdgeNode.Sensors;

/// <summary>
/// The one exception type a driver lets out when it cannot return a trustworthy value. The message says
/// what happened and what a technician should check.
/// </summary>
public sealed class SensorFaultException : Exception
{
    public SensorFaultException(SensorFaultKind kind, string sensor, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        Sensor = sensor;
    }

    public SensorFaultKind Kind { get; }

    /// <summary>The model and where it sits, e.g. "BME280 at I2C bus 1, address 0x76".</summary>
    public string Sensor { get; }
}
