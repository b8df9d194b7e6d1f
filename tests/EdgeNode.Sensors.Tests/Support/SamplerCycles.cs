using EdgeNode.Hardware.Emulation;

namespace EdgeNode.Sensors.Tests.Support;

/// <summary>
/// The sampler's duty cycle on a virtual clock, as the long-running fault tests need it: wake, let the warm-up
/// pass, read, sleep, and wake again <see cref="SleepBetweenCycles"/> later, so one reading every five minutes.
/// </summary>
internal static class SamplerCycles
{
    public static readonly TimeSpan SleepBetweenCycles = TimeSpan.FromMinutes(4.5);

    /// <summary>Runs <paramref name="cycles"/> cycles and returns every reading; a fault fails the test.</summary>
    public static async Task<List<IReadOnlyList<Measurement>>> RunAsync(IDutyCycledSensor sensor, VirtualTimeProvider time, int cycles)
    {
        var readings = new List<IReadOnlyList<Measurement>>();
        for (int cycle = 0; cycle < cycles; cycle++)
        {
            await WakeAndWarmUpAsync(sensor, time);
            readings.Add(await sensor.ReadAsync());
            await sensor.SleepAsync();
            time.Advance(SleepBetweenCycles);
        }

        return readings;
    }

    /// <summary>
    /// Cycles until a reading fails or <paramref name="limit"/> has passed; returns the fault (null when none came)
    /// and the time it came. The cycle that failed still ends with sleep.
    /// </summary>
    public static async Task<(SensorFaultException? Fault, DateTimeOffset At)> RunUntilFaultAsync(IDutyCycledSensor sensor, VirtualTimeProvider time, TimeSpan limit)
    {
        DateTimeOffset start = time.GetUtcNow();
        SensorFaultException? fault = null;
        DateTimeOffset faultAt = start;
        while (fault is null && time.GetUtcNow() - start < limit)
        {
            await WakeAndWarmUpAsync(sensor, time);
            try
            {
                await sensor.ReadAsync();
            }
            catch (SensorFaultException e)
            {
                fault = e;
                faultAt = time.GetUtcNow();
            }

            await sensor.SleepAsync();
            time.Advance(SleepBetweenCycles);
        }

        return (fault, faultAt);
    }

    private static async Task WakeAndWarmUpAsync(IDutyCycledSensor sensor, VirtualTimeProvider time)
    {
        await sensor.WakeAsync();
        time.Advance(sensor.WarmUp);
    }
}
