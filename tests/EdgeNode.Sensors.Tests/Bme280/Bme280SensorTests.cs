using EdgeNode.Hardware.Emulation;
using EdgeNode.Sensors.Bme280;
using EdgeNode.Sensors.Emulation;

namespace EdgeNode.Sensors.Tests.Bme280;

public class Bme280SensorTests
{
    [Theory]
    [InlineData(18.5, 62.0, 1013.25)]
    [InlineData(-38.0, 5.0, 310.0)]
    [InlineData(-12.4, 97.5, 960.0)]
    [InlineData(0.0, 50.0, 1000.0)]
    [InlineData(41.7, 12.3, 1090.0)]
    [InlineData(84.0, 30.0, 1013.0)]
    public async Task The_driver_reads_back_the_emulated_air_within_the_sensors_resolution(double celsius, double humidity, double hectopascals)
    {
        var bench = new Bme280Bench(AmbientConditions.Typical with
        {
            TemperatureCelsius = celsius,
            RelativeHumidityPercent = humidity,
            PressureHectopascals = hectopascals,
        });
        using Bme280Sensor sensor = await bench.OpenAsync();

        Bme280Reading reading = await sensor.MeasureAsync();

        // Output steps: 0.01 °C; 2.62 Pa at ×1 oversampling (plus Q24.8 rounding); about 0.006 %RH per humidity code.
        Assert.Equal(celsius, reading.TemperatureCelsius, tolerance: 0.011);
        Assert.Equal(hectopascals, reading.PressureHectopascals, tolerance: 0.015);
        Assert.Equal(humidity, reading.RelativeHumidityPercent, tolerance: 0.01);
        Assert.Equal(bench.Time.GetUtcNow(), reading.MeasuredAt);
    }

    [Fact]
    public async Task ReadAsync_returns_the_three_metrics_it_declares_in_their_units()
    {
        var bench = new Bme280Bench();
        using Bme280Sensor sensor = await bench.OpenAsync();

        IReadOnlyList<Measurement> measurements = await sensor.ReadAsync();

        Assert.Equal(sensor.Metrics, measurements.Select(m => m.Metric));
        Assert.Equal(Bme280Bench.SensorName, sensor.Description);
        Assert.Equal(18.5, measurements.Single(m => m.Metric == Metric.TemperatureCelsius).Value, tolerance: 0.011);
        Assert.Equal(62.0, measurements.Single(m => m.Metric == Metric.RelativeHumidityPercent).Value, tolerance: 0.01);
        Assert.Equal(1013.25, measurements.Single(m => m.Metric == Metric.PressureHectopascals).Value, tolerance: 0.015);
    }

    [Fact]
    public async Task The_datasheet_worked_example_read_through_the_registers_gives_25_08_degrees_and_1006_53_hectopascals()
    {
        byte[] registers = WorkedExampleRegisters();
        // adc_P = 415148 = 0x655AC, adc_T = 519888 = 0x7EED0, adc_H = 0x6A00: msb, lsb, xlsb[7:4].
        byte[] data = [0x65, 0x5A, 0xC0, 0x7E, 0xED, 0x00, 0x6A, 0x00];
        data.CopyTo(registers, 0xF7);
        var bus = new EmulatedI2cBus(1);
        bus.Attach(0x76, new RegisterMapDevice(registers));
        using Bme280Sensor sensor = await Bme280Sensor.OpenAsync(bus.CreateDevice(0x76), new VirtualTimeProvider());

        Bme280Reading reading = await sensor.MeasureAsync();

        Assert.Equal(25.08, reading.TemperatureCelsius);
        Assert.Equal(25767233 / 256.0 / 100.0, reading.PressureHectopascals);
    }

    [Fact]
    public async Task Opening_writes_a_soft_reset_and_each_reading_writes_ctrl_hum_before_ctrl_meas()
    {
        byte[] registers = WorkedExampleRegisters();
        new byte[] { 0x65, 0x5A, 0xC0, 0x7E, 0xED, 0x00, 0x6A, 0x00 }.CopyTo(registers, 0xF7);
        var device = new RecordingDevice(new RegisterMapDevice(registers));
        var bus = new EmulatedI2cBus(1);
        bus.Attach(0x76, device);

        using Bme280Sensor sensor = await Bme280Sensor.OpenAsync(bus.CreateDevice(0x76), new VirtualTimeProvider());
        await sensor.MeasureAsync();

        Assert.Contains(device.Writes, w => w.SequenceEqual(new byte[] { 0xE0, 0xB6 }));
        // ctrl_hum = ×1, then ctrl_meas = osrs_t ×1, osrs_p ×1, forced mode, in one transfer.
        Assert.Contains(device.Writes, w => w.SequenceEqual(new byte[] { 0xF2, 0x01, 0xF4, 0b001_001_01 }));
    }

    [Fact]
    public async Task Nothing_at_the_address_is_not_present()
    {
        var bench = new Bme280Bench();
        bench.Emulator.Fault = EmulatedFault.Silent;

        SensorFaultException fault = await Bme280Bench.FaultOf(bench.OpenAsync);

        Assert.Equal(SensorFaultKind.NotPresent, fault.Kind);
    }

    [Fact]
    public async Task A_BMP280_is_not_present_and_named_as_such()
    {
        var bench = new Bme280Bench();
        bench.Emulator.Fault = EmulatedFault.WrongDevice;

        SensorFaultException fault = await Bme280Bench.FaultOf(bench.OpenAsync);

        Assert.Equal(SensorFaultKind.NotPresent, fault.Kind);
        Assert.Contains("found a BMP280 (no humidity)", fault.Message);
        Assert.Contains("expected 0x60", fault.Message);
        Assert.Contains("reads 0x58", fault.Message);
    }

    [Theory]
    [InlineData(0x61, "BME680")]
    [InlineData(0x55, "another device")]
    [InlineData(0xFF, "stuck")]
    public async Task Another_chip_id_is_not_present_with_what_was_expected_and_what_was_found(byte chipId, string explanation)
    {
        byte[] registers = new byte[256];
        registers[0xD0] = chipId;
        var bus = new EmulatedI2cBus(1);
        bus.Attach(0x76, new RegisterMapDevice(registers));

        SensorFaultException fault = await Bme280Bench.FaultOf(() => Bme280Sensor.OpenAsync(bus.CreateDevice(0x76), new VirtualTimeProvider()));

        Assert.Equal(SensorFaultKind.NotPresent, fault.Kind);
        Assert.Contains($"reads 0x{chipId:x2}, expected 0x60", fault.Message);
        Assert.Contains(explanation, fault.Message);
    }

    [Fact]
    public async Task Blank_trimming_is_corrupt_data()
    {
        byte[] registers = new byte[256];
        registers[0xD0] = 0x60;
        var bus = new EmulatedI2cBus(1);
        bus.Attach(0x76, new RegisterMapDevice(registers));

        SensorFaultException fault = await Bme280Bench.FaultOf(() => Bme280Sensor.OpenAsync(bus.CreateDevice(0x76), new VirtualTimeProvider()));

        Assert.Equal(SensorFaultKind.CorruptData, fault.Kind);
        Assert.Contains("trimming", fault.Message);
    }

    [Fact]
    public async Task Trimming_that_reads_differently_twice_is_corrupt_data()
    {
        byte[] registers = WorkedExampleRegisters();
        var bus = new EmulatedI2cBus(1);
        bus.Attach(0x76, new BitFlippingDevice(new RegisterMapDevice(registers), flipOnRead: 3));

        SensorFaultException fault = await Bme280Bench.FaultOf(() => Bme280Sensor.OpenAsync(bus.CreateDevice(0x76), new VirtualTimeProvider()));

        Assert.Equal(SensorFaultKind.CorruptData, fault.Kind);
        Assert.Contains("different factory trimming", fault.Message);
    }

    [Fact]
    public async Task A_sensor_that_stops_answering_is_not_answering_and_recovers_when_it_answers_again()
    {
        var bench = new Bme280Bench();
        using Bme280Sensor sensor = await bench.OpenAsync();
        bench.Emulator.Fault = EmulatedFault.Silent;

        SensorFaultException fault = await Bme280Bench.FaultOf(() => sensor.ReadAsync());
        Assert.Equal(SensorFaultKind.NotAnswering, fault.Kind);
        Assert.Contains("SDA/SCL", fault.Message);

        bench.Emulator.Fault = EmulatedFault.None;
        Bme280Reading reading = await sensor.MeasureAsync();
        Assert.Equal(18.5, reading.TemperatureCelsius, tolerance: 0.011);
    }

    [Fact]
    public async Task A_loose_wire_is_not_answering()
    {
        var bench = new Bme280Bench();
        using Bme280Sensor sensor = await bench.OpenAsync();
        bench.Bus.Disconnect(Bme280Bench.Address);

        SensorFaultException fault = await Bme280Bench.FaultOf(() => sensor.ReadAsync());

        Assert.Equal(SensorFaultKind.NotAnswering, fault.Kind);
    }

    [Fact]
    public async Task A_chip_swapped_for_a_BMP280_while_running_is_noticed_after_the_next_failed_transfer()
    {
        var bench = new Bme280Bench();
        using Bme280Sensor sensor = await bench.OpenAsync();
        bench.Bus.Disconnect(Bme280Bench.Address);
        await Bme280Bench.FaultOf(() => sensor.ReadAsync());
        bench.Bus.Reconnect(Bme280Bench.Address);
        bench.Emulator.Fault = EmulatedFault.WrongDevice;

        SensorFaultException fault = await Bme280Bench.FaultOf(() => sensor.ReadAsync());

        Assert.Equal(SensorFaultKind.NotPresent, fault.Kind);
        Assert.Contains("BMP280", fault.Message);
    }

    [Fact]
    public async Task A_brown_out_between_trigger_and_read_out_is_corrupt_data_and_the_next_reading_recovers()
    {
        var bench = new Bme280Bench();
        using Bme280Sensor sensor = await bench.OpenAsync();
        bench.Emulator.Fault = EmulatedFault.CorruptData;

        SensorFaultException fault = await Bme280Bench.FaultOf(() => sensor.ReadAsync());

        Assert.Equal(SensorFaultKind.CorruptData, fault.Kind);
        Assert.Contains("skipped", fault.Message);

        bench.Emulator.Fault = EmulatedFault.None;
        Assert.Equal(1013.25, (await sensor.MeasureAsync()).PressureHectopascals, tolerance: 0.015);
    }

    [Fact]
    public async Task A_floating_data_line_reading_all_0xFF_is_corrupt_data()
    {
        byte[] registers = WorkedExampleRegisters();
        registers.AsSpan(0xF7, 8).Fill(0xFF);
        var bus = new EmulatedI2cBus(1);
        bus.Attach(0x76, new RegisterMapDevice(registers));
        using Bme280Sensor sensor = await Bme280Sensor.OpenAsync(bus.CreateDevice(0x76), new VirtualTimeProvider());

        SensorFaultException fault = await Bme280Bench.FaultOf(() => sensor.ReadAsync());

        Assert.Equal(SensorFaultKind.CorruptData, fault.Kind);
        Assert.Contains("0xFF", fault.Message);
    }

    [Fact]
    public async Task One_channel_at_its_reset_value_is_an_ordinary_code_not_a_fault()
    {
        byte[] registers = WorkedExampleRegisters();
        // adc_T = 0x80000 is 26.36 °C with this trimming; pressure and humidity are ordinary.
        new byte[] { 0x65, 0x5A, 0xC0, 0x80, 0x00, 0x00, 0x6A, 0x00 }.CopyTo(registers, 0xF7);
        var bus = new EmulatedI2cBus(1);
        bus.Attach(0x76, new RegisterMapDevice(registers));
        using Bme280Sensor sensor = await Bme280Sensor.OpenAsync(bus.CreateDevice(0x76), new VirtualTimeProvider());

        Bme280Reading reading = await sensor.MeasureAsync();

        Assert.InRange(reading.TemperatureCelsius, 26, 27);
    }

    [Fact]
    public async Task An_impossible_temperature_is_out_of_range_not_a_value()
    {
        var bench = new Bme280Bench();
        using Bme280Sensor sensor = await bench.OpenAsync();
        bench.Emulator.Fault = EmulatedFault.OutOfRange;

        SensorFaultException fault = await Bme280Bench.FaultOf(() => sensor.ReadAsync());

        Assert.Equal(SensorFaultKind.OutOfRange, fault.Kind);
        Assert.Contains("TemperatureCelsius", fault.Message);
    }

    [Fact]
    public async Task Identical_raw_codes_for_more_than_30_minutes_are_stuck_even_when_the_air_changes()
    {
        var bench = new Bme280Bench(jitter: true);
        using Bme280Sensor sensor = await bench.OpenAsync();
        await sensor.ReadAsync();
        bench.Emulator.Fault = EmulatedFault.Stuck;

        for (int minute = 5; minute <= 25; minute += 5)
        {
            bench.Time.Advance(TimeSpan.FromMinutes(5));
            bench.Ambient.Conditions = bench.Ambient.Conditions with { TemperatureCelsius = 18.5 + minute / 10.0 };
            await sensor.ReadAsync();
        }

        bench.Time.Advance(TimeSpan.FromMinutes(6));
        SensorFaultException fault = await Bme280Bench.FaultOf(() => sensor.ReadAsync());
        Assert.Equal(SensorFaultKind.Stuck, fault.Kind);
        Assert.Contains("30 minutes", fault.Message);
    }

    [Fact]
    public async Task Realistic_noise_on_a_constant_day_is_never_taken_for_a_stuck_sensor()
    {
        var bench = new Bme280Bench(jitter: true);
        using Bme280Sensor sensor = await bench.OpenAsync();

        for (int minute = 0; minute < 6 * 60; minute++)
        {
            await sensor.ReadAsync();
            bench.Time.Advance(TimeSpan.FromMinutes(1));
        }

        Bme280Reading last = await sensor.MeasureAsync();
        Assert.Equal(18.5, last.TemperatureCelsius, tolerance: 0.02);
    }

    [Fact]
    public async Task A_measurement_that_never_finishes_is_not_answering()
    {
        byte[] registers = WorkedExampleRegisters();
        var map = new RegisterMapDevice(registers);
        var bus = new EmulatedI2cBus(1);
        bus.Attach(0x76, map);
        using Bme280Sensor sensor = await Bme280Sensor.OpenAsync(bus.CreateDevice(0x76), new VirtualTimeProvider());
        registers[0xF3] = 0x08;

        SensorFaultException fault = await Bme280Bench.FaultOf(() => sensor.ReadAsync());

        Assert.Equal(SensorFaultKind.NotAnswering, fault.Kind);
        Assert.Contains("never finished", fault.Message);
    }

    /// <summary>A BME280 register map with the worked example's trimming and nothing measured yet.</summary>
    private static byte[] WorkedExampleRegisters()
    {
        byte[] registers = new byte[256];
        registers[0xD0] = 0x60;
        Bme280CompensationTests.WorkedExample.TemperaturePressureBytes().CopyTo(registers, 0x88);
        Bme280CompensationTests.WorkedExample.HumidityBytes().CopyTo(registers, 0xE1);
        return registers;
    }
}
