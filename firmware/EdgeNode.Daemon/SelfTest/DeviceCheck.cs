using EdgeNode.Hardware;
using EdgeNode.Sensors;

namespace EdgeNode.Daemon.SelfTest;

/// <summary>The part every check shares: open the device through its driver and turn failures into a verdict.</summary>
public abstract class DeviceCheck<TDevice>(string sensor, string location, Func<CancellationToken, Task<TDevice>> open)
    : SensorCheck(sensor, location)
    where TDevice : class, IDisposable
{
    private TDevice? _device;

    protected TDevice Device => _device ?? throw new InvalidOperationException("Open the sensor first.");

    public override async Task<SensorVerdict?> OpenAsync(CancellationToken cancellationToken)
    {
        try
        {
            _device = await open(cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (SensorFaultException e)
        {
            return Faulty(e);
        }
        catch (DeviceAccessException e)
        {
            // The bus or port itself is missing or locked: as far as we can tell the sensor is not there.
            return new SensorVerdict(Sensor, Location, SensorFaultKind.NotPresent, SelfTestText.FaultName(SensorFaultKind.NotPresent), e.Message);
        }
    }

    protected SensorVerdict Faulty(SensorFaultException e) =>
        new(Sensor, Location, e.Kind, SelfTestText.FaultName(e.Kind), e.Message);
}
