using EdgeNode.Sensors;

namespace EdgeNode.Daemon.SelfTest;

/// <summary>Checks an air sensor: identify it, wake it if it sleeps, wait its warm-up, read it several times.</summary>
public sealed class EnvironmentalSensorCheck(string sensor, string location, Func<CancellationToken, Task<IEnvironmentalSensor>> open)
    : DeviceCheck<IEnvironmentalSensor>(sensor, location, open)
{
    public override async Task<SensorVerdict> ObserveAsync(SelfTestPlan plan, TimeProvider time, CancellationToken cancellationToken)
    {
        IEnvironmentalSensor device = Device;
        var series = new ReadingSeries();
        bool readEarly = plan.ReadBeforeWarmUp.Contains(Sensor.ToLowerInvariant());
        try
        {
            if (device is IDutyCycledSensor sleeper)
            {
                await sleeper.WakeAsync(cancellationToken).ConfigureAwait(false);
                if (!readEarly)
                {
                    await Task.Delay(sleeper.WarmUp, time, cancellationToken).ConfigureAwait(false);
                }
            }

            long start = time.GetTimestamp();
            do
            {
                try
                {
                    series.Succeeded(await device.ReadAsync(cancellationToken).ConfigureAwait(false));
                }
                catch (SensorFaultException e)
                {
                    series.Failed(e);
                }

                // Read early, a sensor gets one reading: what an impatient technician would see.
                if (readEarly || time.GetElapsedTime(start) >= plan.Observation)
                {
                    break;
                }

                await Task.Delay(plan.SampleInterval, time, cancellationToken).ConfigureAwait(false);
            }
            while (true);

            if (device is IDutyCycledSensor toSleep)
            {
                await toSleep.SleepAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (SensorFaultException e)
        {
            // Waking or sleeping failed: the device stopped talking to us.
            series.Failed(e);
        }
        finally
        {
            device.Dispose();
        }

        return series.Verdict(Sensor, Location);
    }
}
