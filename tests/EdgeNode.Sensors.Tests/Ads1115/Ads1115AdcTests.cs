using System.Device.I2c;
using EdgeNode.Hardware.Emulation;
using EdgeNode.Sensors.Ads1115;
using EdgeNode.Sensors.Emulation;

namespace EdgeNode.Sensors.Tests.Ads1115;

public class Ads1115AdcTests
{
    private readonly VirtualTimeProvider _time = new();
    private readonly Dictionary<Ads1115Input, double> _volts = [];
    private readonly Ads1115Emulator _emulator;
    private readonly EmulatedI2cBus _bus = new(1);

    public Ads1115AdcTests()
    {
        _emulator = new Ads1115Emulator(_time, (input, _) => _volts.GetValueOrDefault(input));
        _bus.Attach(0x48, _emulator);
    }

    [Fact]
    public void The_single_shot_config_word_follows_the_register_layout()
    {
        // OS=1, MUX=100 (AIN0–GND), PGA=010 (±2.048 V), MODE=1, DR=000 (8 SPS), COMP_QUE=11: 1100 0101 0000 0011.
        Assert.Equal(0x4503, Ads1115Config.SingleShot(Ads1115Input.Ain0, Ads1115FullScale.PlusMinus2048Millivolts, Ads1115DataRate.Sps8));
        // MUX=000, PGA=001, DR=111: 0000 0011 1110 0011.
        Assert.Equal(0x03E3, Ads1115Config.SingleShot(Ads1115Input.Ain0MinusAin1, Ads1115FullScale.PlusMinus4096Millivolts, Ads1115DataRate.Sps860));
    }

    [Fact]
    public void The_emulator_powers_up_with_the_datasheet_register_values()
    {
        I2cDevice device = _bus.CreateDevice(0x48);
        Assert.Equal(0x8583, Read(device, 1));
        Assert.Equal(0x0000, Read(device, 0));
        Assert.Equal(0x8000, Read(device, 2));
        Assert.Equal(0x7FFF, Read(device, 3));
    }

    [Fact]
    public void OS_reads_0_while_a_conversion_runs_and_1_after_1_over_DR()
    {
        I2cDevice device = _bus.CreateDevice(0x48);
        device.Write([0x01, 0xC5, 0x03]); // start, AIN0, ±2.048 V, 8 SPS

        Assert.Equal(0x4503, Read(device, 1));
        _time.Advance(TimeSpan.FromMilliseconds(125));
        Assert.Equal(0xC503, Read(device, 1));
    }

    [Theory]
    [InlineData(1.0, 16000)]
    [InlineData(0.0000625, 1)]
    [InlineData(2.047, 32752)]
    [InlineData(0.0, 0)]
    public async Task A_single_ended_conversion_gives_the_code_and_the_volts(double volts, short code)
    {
        _volts[Ads1115Input.Ain0] = volts;
        using var adc = new Ads1115Adc(_bus.CreateDevice(0x48), _time);

        Ads1115Sample sample = await adc.ConvertAsync(Ads1115Input.Ain0, Ads1115FullScale.PlusMinus2048Millivolts, Ads1115DataRate.Sps8);

        Assert.Equal(code, sample.Code);
        Assert.Equal(volts, sample.Volts, tolerance: 2.048 / 65536);
        Assert.False(sample.IsClipped);
    }

    [Fact]
    public async Task A_negative_differential_input_is_a_negative_twos_complement_code()
    {
        _volts[Ads1115Input.Ain0MinusAin1] = -0.5;
        using var adc = new Ads1115Adc(_bus.CreateDevice(0x48), _time);

        Ads1115Sample sample = await adc.ConvertAsync(Ads1115Input.Ain0MinusAin1, Ads1115FullScale.PlusMinus1024Millivolts, Ads1115DataRate.Sps128);

        Assert.Equal(-16000, sample.Code);
        Assert.Equal(-0.5, sample.Volts);
    }

    [Fact]
    public async Task Inputs_beyond_full_scale_clip_at_0x7FFF_and_0x8000()
    {
        _volts[Ads1115Input.Ain2] = 3.0;
        _volts[Ads1115Input.Ain3] = -3.0;
        using var adc = new Ads1115Adc(_bus.CreateDevice(0x48), _time);

        Ads1115Sample high = await adc.ConvertAsync(Ads1115Input.Ain2, Ads1115FullScale.PlusMinus2048Millivolts, Ads1115DataRate.Sps860);
        Ads1115Sample low = await adc.ConvertAsync(Ads1115Input.Ain3, Ads1115FullScale.PlusMinus2048Millivolts, Ads1115DataRate.Sps860);

        Assert.Equal((short)0x7FFF, high.Code);
        Assert.True(high.IsClipped);
        Assert.Equal(short.MinValue, low.Code);
        Assert.True(low.IsClipped);
    }

    [Fact]
    public async Task A_conversion_waits_for_1_over_DR_plus_the_data_rate_tolerance_in_whole_milliseconds()
    {
        using var adc = new Ads1115Adc(_bus.CreateDevice(0x48), _time);
        DateTimeOffset start = _time.GetUtcNow();

        await adc.ConvertAsync(Ads1115Input.Ain0, Ads1115FullScale.PlusMinus2048Millivolts, Ads1115DataRate.Sps8);

        Assert.Equal(TimeSpan.FromMilliseconds(138), _time.GetUtcNow() - start);
    }

    [Fact]
    public async Task A_config_that_reads_back_differently_is_invalid_data()
    {
        using var adc = new Ads1115Adc(_bus.CreateDevice(0x48), _time);
        _emulator.Fault = EmulatedFault.CorruptData;

        await Assert.ThrowsAsync<InvalidDataException>(() => adc.ConvertAsync(Ads1115Input.Ain0, Ads1115FullScale.PlusMinus2048Millivolts, Ads1115DataRate.Sps8));
    }

    [Fact]
    public async Task Continuous_mode_keeps_converting_without_a_start_bit()
    {
        I2cDevice device = _bus.CreateDevice(0x48);
        _volts[Ads1115Input.Ain1] = 0.5;
        device.Write([0x01, 0x54, 0xE3]); // OS=0, AIN1, ±2.048 V, continuous, 860 SPS
        _time.Advance(TimeSpan.FromMilliseconds(2));
        Assert.Equal(8000, Read(device, 0));

        _volts[Ads1115Input.Ain1] = 1.0;
        _time.Advance(TimeSpan.FromMilliseconds(2));
        Read(device, 1);
        _time.Advance(TimeSpan.FromMilliseconds(2));
        Assert.Equal(16000, Read(device, 0));
    }

    private static int Read(I2cDevice device, byte register)
    {
        byte[] value = new byte[2];
        device.WriteRead([register], value);
        return (value[0] << 8) | value[1];
    }
}
