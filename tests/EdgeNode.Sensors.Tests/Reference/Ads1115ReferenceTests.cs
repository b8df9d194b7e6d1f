using EdgeNode.Hardware.Emulation;
using EdgeNode.Sensors.Ads1115;
using Iot.Device.Ads1115;
using BindingsAds1115 = Iot.Device.Ads1115.Ads1115;

namespace EdgeNode.Sensors.Tests.Reference;

/// <summary>
/// Our ADS1115 access and the Iot.Device.Bindings driver convert the same emulated input and must agree to the code
/// and to the microvolt. The Bindings driver waits for a single-shot conversion on the real clock, so the emulator
/// runs on a clock 100 times faster than real time; the input is constant, so every conversion gives the same code.
/// </summary>
public class Ads1115ReferenceTests
{
    [Theory]
    [InlineData(Ads1115Input.Ain0, InputMultiplexer.AIN0, Ads1115FullScale.PlusMinus2048Millivolts, MeasuringRange.FS2048, 0.4321)]
    [InlineData(Ads1115Input.Ain1, InputMultiplexer.AIN1, Ads1115FullScale.PlusMinus4096Millivolts, MeasuringRange.FS4096, 3.30017)]
    [InlineData(Ads1115Input.Ain0MinusAin1, InputMultiplexer.AIN0_AIN1, Ads1115FullScale.PlusMinus256Millivolts, MeasuringRange.FS0256, -0.0123456)]
    public async Task The_Bindings_driver_reads_the_same_code_and_voltage_as_our_driver(
        Ads1115Input input, InputMultiplexer multiplexer, Ads1115FullScale fullScale, MeasuringRange range, double volts)
    {
        var time = new ScaledTimeProvider(100, DateTimeOffset.UnixEpoch);
        var bus = new EmulatedI2cBus(busId: 1);
        bus.Attach(0x48, new Ads1115Emulator(time, (pin, _) => pin == input ? volts : 0));

        using var ours = new Ads1115Adc(bus.CreateDevice(0x48), time);
        Ads1115Sample sample = await ours.ConvertAsync(input, fullScale, Ads1115DataRate.Sps128);
        using var reference = new BindingsAds1115(bus.CreateDevice(0x48), multiplexer, range, DataRate.SPS128, DeviceMode.PowerDown);
        short code = reference.ReadRaw();

        Assert.Equal(sample.Code, code);
        Assert.InRange(Math.Abs(sample.Volts - reference.RawToVoltage(code).Volts), 0, 1e-6);
    }
}
