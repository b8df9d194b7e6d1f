using EdgeNode.Hardware.Emulation;
using EdgeNode.Sensors.Bme280;
using EdgeNode.Sensors.Emulation;
using UnitsNet;
using BindingsBme280 = Iot.Device.Bmxx80.Bme280;

namespace EdgeNode.Sensors.Tests.Reference;

/// <summary>
/// Our BME280 driver and the Iot.Device.Bindings one, written independently from the same datasheet, read the same
/// data registers of one emulated chip: any slip in our compensation or register handling shows as a difference.
/// </summary>
public class Bme280ReferenceTests
{
    [Theory]
    [InlineData(18.5, 62.0, 1013.25)]
    [InlineData(-27.3, 8.4, 612.0)]
    [InlineData(4.06, 99.1, 1041.7)]
    [InlineData(61.9, 23.45, 871.3)]
    public async Task The_Bindings_driver_reads_the_registers_our_driver_measured_into_as_the_same_air(
        double celsius, double humidity, double hectopascals)
    {
        var time = new VirtualTimeProvider();
        var bus = new EmulatedI2cBus(busId: 1);
        bus.Attach(0x76, new Bme280Emulator(time, new ConstantAmbient(AmbientConditions.Typical with
        {
            TemperatureCelsius = celsius,
            RelativeHumidityPercent = humidity,
            PressureHectopascals = hectopascals,
        })) { Jitter = false });
        // The Bindings driver soft-resets the chip when it is created, so it comes first; then our driver measures
        // (forced mode, on the virtual clock) and the Bindings driver reads the data registers that measurement left.
        using var reference = new BindingsBme280(bus.CreateDevice(0x76));
        using Bme280Sensor ours = await Bme280Sensor.OpenAsync(bus.CreateDevice(0x76), time);
        Bme280Reading reading = await ours.MeasureAsync();

        Assert.True(reference.TryReadTemperature(out Temperature temperature));
        Assert.True(reference.TryReadPressure(out Pressure pressure));
        Assert.True(reference.TryReadHumidity(out RelativeHumidity relativeHumidity));
        Assert.InRange(Math.Abs(reading.TemperatureCelsius - temperature.DegreesCelsius), 0, 0.01);
        Assert.InRange(Math.Abs(reading.PressureHectopascals * 100 - pressure.Pascals), 0, 1);
        Assert.InRange(Math.Abs(reading.RelativeHumidityPercent - relativeHumidity.Percent), 0, 0.01);
    }
}
