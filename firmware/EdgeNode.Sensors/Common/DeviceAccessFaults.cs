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
        _ when CannotBeUsedAsConfigured(e.Error) =>
            new SensorFaultException(SensorFaultKind.NotPresent, description, $"{description} cannot be reached. {e.Message}", e),
        _ => new SensorFaultException(SensorFaultKind.NotAnswering, description, $"{description} stopped answering. {e.Message}", e),
    };

    /// <summary>
    /// For a sensor on a serial port, where nothing acknowledges an address: a port that cannot be used as
    /// configured means the sensor cannot be reached; any other failure means the line was lost under it.
    /// </summary>
    /// <param name="e">What the port reported.</param>
    /// <param name="description">The model and where it sits, e.g. "SDS011 on /dev/ttyUSB0".</param>
    /// <param name="whenLost">What to check when the line was lost, appended to the port's own message.</param>
    internal static SensorFaultException ToSerialSensorFault(this DeviceAccessException e, string description, string? whenLost = null) =>
        CannotBeUsedAsConfigured(e.Error)
            ? new SensorFaultException(SensorFaultKind.NotPresent, description, $"{description} cannot be reached: {e.Message}", e)
            : new SensorFaultException(SensorFaultKind.NotAnswering, description,
                whenLost is null ? $"{description} was lost: {e.Message}" : $"{description} was lost: {e.Message} {whenLost}", e);

    /// <summary>
    /// The bus or port as configured cannot be used at all (missing, not permitted, not a bus or port): nothing
    /// will answer until someone fixes the set-up. Every other error (NotAnswering, Busy, IoError) happened to a
    /// device that could be used.
    /// </summary>
    private static bool CannotBeUsedAsConfigured(DeviceAccessError error) =>
        error is DeviceAccessError.NotFound or DeviceAccessError.PermissionDenied or DeviceAccessError.WrongKindOfDevice;
}
