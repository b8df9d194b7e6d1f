using EdgeNode.Hardware.Emulation;
using EdgeNode.Sensors.Emulation;
using EdgeNode.Sensors.Scd4x;
using BindingsScd4x = Iot.Device.Scd4x.Scd4x;

namespace EdgeNode.Sensors.Tests.Reference;

/// <summary>
/// Our SCD4x driver and the Iot.Device.Bindings one read the same emulated sensor and must agree. The Bindings
/// driver waits with Thread.Sleep on the real clock (its constructor alone sleeps 520 ms), which a virtual clock
/// cannot serve: the emulator runs on a clock 100 times faster than real time, so both drivers' waits are short
/// and real, and with the emulator's jitter off every 5 s measurement of the constant air is word for word the same.
/// </summary>
public class Scd4xReferenceTests
{
    [Theory]
    [InlineData(2870, -4.2, 91.05)]
    public async Task The_Bindings_driver_reads_the_same_air_as_our_driver(int co2, double celsius, double humidity)
    {
        var time = new ScaledTimeProvider(100, DateTimeOffset.UnixEpoch);
        var bus = new EmulatedI2cBus(busId: 1);
        bus.Attach(0x62, new Scd4xEmulator(time, new ConstantAmbient(AmbientConditions.Typical with
        {
            Co2PartsPerMillion = co2,
            TemperatureCelsius = celsius,
            RelativeHumidityPercent = humidity,
        })) { Jitter = false });

        Scd4xReading reading;
        using (Scd4xSensor ours = await Scd4xSensor.OpenAsync(bus.CreateDevice(0x62), time))
        {
            await Task.Delay(TimeSpan.FromSeconds(5), time);
            reading = await ours.MeasureAsync();
        }

        // Disposing our driver stops periodic measurement, which takes the sensor 500 ms (datasheet §3.5.3).
        await Task.Delay(TimeSpan.FromSeconds(1), time);

        // Not SetPressureCalibration: it clamps the pressure to at most 1 Pa before scaling, so it always sends 0 hPa.
        using var reference = new BindingsScd4x(bus.CreateDevice(0x62));
        reference.StartPeriodicMeasurements();
        (UnitsNet.VolumeConcentration? carbonDioxide, UnitsNet.RelativeHumidity? relativeHumidity, UnitsNet.Temperature? temperature) = reference.ReadPeriodicMeasurement();

        Assert.NotNull(carbonDioxide);
        Assert.NotNull(relativeHumidity);
        Assert.NotNull(temperature);
        Assert.InRange(Math.Abs(reading.Co2PartsPerMillion - carbonDioxide.Value.PartsPerMillion), 0, 1);
        Assert.InRange(Math.Abs(reading.TemperatureCelsius - temperature.Value.DegreesCelsius), 0, 0.01);
        Assert.InRange(Math.Abs(reading.RelativeHumidityPercent - relativeHumidity.Value.Percent), 0, 0.01);
    }
}
