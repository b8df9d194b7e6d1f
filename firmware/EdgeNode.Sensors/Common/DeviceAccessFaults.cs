using EdgeNode.Hardware;

namespace EdgeNode.Sensors;

/// <summary>
/// Turns a failure of the bus or port under a driver into the sensor fault a technician reads. The same
/// NACK means "not there" while the sensor is being identified and "stopped answering" once it was.
/// </summary>
public static class DeviceAccessFaults
{
    /// <param name="e">What the bus or port reported.</param>
    /// <param name="model">The model the driver expected, e.g. "BME280".</param>
    /// <param name="description">The model and where it sits, e.g. "BME280 at I2C bus 1, address 0x76".</param>
    /// <param name="identifying">True while the driver is still finding out whether the sensor is there.</param>
    public static SensorFaultException ToSensorFault(this DeviceAccessException e, string model, string description, bool identifying) => e.Error switch
    {
        DeviceAccessError.NotAnswering when identifying => new SensorFaultException(SensorFaultKind.NotPresent, description,
            $"No {model} answers: {description} does not acknowledge. {e.Message}", e),
        DeviceAccessError.NotAnswering or DeviceAccessError.Busy or DeviceAccessError.IoError =>
            new SensorFaultException(SensorFaultKind.NotAnswering, description, $"{description} stopped answering. {e.Message}", e),
        _ => new SensorFaultException(SensorFaultKind.NotPresent, description, $"{description} cannot be reached. {e.Message}", e),
    };
}
