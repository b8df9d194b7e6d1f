using System.Globalization;
using EdgeNode.Sensors;

namespace EdgeNode.Daemon.SelfTest;

/// <summary>Checks the traffic radar: identify it, then listen. An empty road is not a fault; a silent sensor is.</summary>
public sealed class VehicleCounterCheck(string sensor, string location, Func<CancellationToken, Task<IVehicleCounter>> open)
    : DeviceCheck<IVehicleCounter>(sensor, location, open)
{
    public override async Task<SensorVerdict> ObserveAsync(SelfTestPlan plan, TimeProvider time, CancellationToken cancellationToken)
    {
        IVehicleCounter device = Device;
        try
        {
            IReadOnlyList<VehiclePassage> passages = await device.ListenAsync(plan.Observation, cancellationToken).ConfigureAwait(false);
            return new SensorVerdict(Sensor, Location, null, Describe(passages, plan.Observation), null);
        }
        catch (SensorFaultException e)
        {
            return Faulty(e);
        }
        finally
        {
            device.Dispose();
        }
    }

    private static string Describe(IReadOnlyList<VehiclePassage> passages, TimeSpan listened)
    {
        if (passages.Count == 0)
        {
            return $"answers; no vehicle passed in {Duration(listened)}";
        }

        int approaching = passages.Count(p => p.Direction == TravelDirection.Approaching);
        double fastest = passages.Max(p => p.SpeedKilometresPerHour);
        return string.Create(CultureInfo.InvariantCulture,
            $"{passages.Count} vehicles in {Duration(listened)} ({approaching} approaching, {passages.Count - approaching} receding), fastest {fastest:0} km/h");
    }

    private static string Duration(TimeSpan span) =>
        span >= TimeSpan.FromHours(1) ? $"{span.TotalHours:0.#} h" : span >= TimeSpan.FromMinutes(1) ? $"{span.TotalMinutes:0} min" : $"{span.TotalSeconds:0} s";
}
