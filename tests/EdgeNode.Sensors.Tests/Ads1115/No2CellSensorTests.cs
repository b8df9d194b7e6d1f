using EdgeNode.Sensors.Ads1115;
using EdgeNode.Sensors.Emulation;

namespace EdgeNode.Sensors.Tests.Ads1115;

public class No2CellSensorTests
{
    [Fact]
    public void The_calibration_formula_subtracts_both_electronic_zeros_and_divides_by_the_sensitivity()
    {
        // ((200 − 220) − (232 − 230)) / −0.30 = 73.33 ppb.
        Assert.Equal(73.333, No2CellBench.Calibration.PartsPerBillion(200, 232), precision: 3);
        Assert.Equal(0, No2CellBench.Calibration.PartsPerBillion(220, 230));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(14.0)]
    [InlineData(40.0)]
    [InlineData(200.0)]
    [InlineData(1000.0)]
    public async Task The_driver_reads_back_the_emulated_NO2_within_one_ADC_step(double microgramsPerCubicMetre)
    {
        var bench = new No2CellBench(microgramsPerCubicMetre);
        using No2CellSensor sensor = await bench.OpenAsync();

        No2CellReading reading = await sensor.MeasureAsync();

        // One code is 62.5 µV = 0.21 ppb = 0.40 µg/m³ at −0.30 mV/ppb; both electrodes round.
        Assert.Equal(microgramsPerCubicMetre, reading.No2MicrogramsPerCubicMetre, tolerance: 0.8);
        Assert.Equal(reading.No2PartsPerBillion * 1.91, reading.No2MicrogramsPerCubicMetre, precision: 9);
        Assert.Equal(230.0, reading.AuxiliaryElectrodeMillivolts, tolerance: 0.0625);
    }

    [Fact]
    public async Task ReadAsync_returns_the_one_metric_it_declares()
    {
        var bench = new No2CellBench(40);
        using No2CellSensor sensor = await bench.OpenAsync();

        IReadOnlyList<Measurement> measurements = await sensor.ReadAsync();

        Assert.Equal(sensor.Metrics, measurements.Select(m => m.Metric));
        Assert.Equal(40, measurements[0].Value, tolerance: 0.8);
        Assert.Equal(No2CellBench.SensorName, sensor.Description);
    }

    [Fact]
    public async Task Nothing_at_the_address_is_not_present()
    {
        var bench = new No2CellBench();
        bench.Emulator.Fault = EmulatedFault.Silent;

        SensorFaultException fault = await No2CellBench.FaultOf(bench.OpenAsync);

        Assert.Equal(SensorFaultKind.NotPresent, fault.Kind);
    }

    [Fact]
    public async Task Another_device_at_the_address_is_not_present_with_what_was_found()
    {
        var bench = new No2CellBench();
        bench.Emulator.Fault = EmulatedFault.WrongDevice;

        SensorFaultException fault = await No2CellBench.FaultOf(bench.OpenAsync);

        Assert.Equal(SensorFaultKind.NotPresent, fault.Kind);
        Assert.Contains("0x0000/0x0000, expected the ADS1115's power-up 0x8000/0x7FFF", fault.Message);
    }

    [Fact]
    public async Task An_ADC_that_stops_answering_is_not_answering()
    {
        var bench = new No2CellBench();
        using No2CellSensor sensor = await bench.OpenAsync();
        bench.Emulator.Fault = EmulatedFault.Silent;

        SensorFaultException fault = await No2CellBench.FaultOf(() => sensor.ReadAsync());

        Assert.Equal(SensorFaultKind.NotAnswering, fault.Kind);
    }

    [Fact]
    public async Task A_config_corrupted_on_the_bus_is_corrupt_data()
    {
        var bench = new No2CellBench();
        using No2CellSensor sensor = await bench.OpenAsync();
        bench.Emulator.Fault = EmulatedFault.CorruptData;

        SensorFaultException fault = await No2CellBench.FaultOf(() => sensor.ReadAsync());

        Assert.Equal(SensorFaultKind.CorruptData, fault.Kind);
    }

    [Fact]
    public async Task An_electrode_output_beyond_the_ADC_range_is_out_of_range()
    {
        var bench = new No2CellBench();
        using No2CellSensor sensor = await bench.OpenAsync();
        bench.Emulator.Fault = EmulatedFault.OutOfRange;

        SensorFaultException fault = await No2CellBench.FaultOf(() => sensor.ReadAsync());

        Assert.Equal(SensorFaultKind.OutOfRange, fault.Kind);
        Assert.Contains("working electrode", fault.Message);
    }

    [Fact]
    public async Task A_reading_far_below_zero_is_out_of_range_while_noise_around_zero_is_kept()
    {
        var bench = new No2CellBench(-20);
        using No2CellSensor sensor = await bench.OpenAsync();
        Assert.Equal(-20, (await sensor.MeasureAsync()).No2MicrogramsPerCubicMetre, tolerance: 0.8);

        bench.Ambient.Conditions = bench.Ambient.Conditions with { No2MicrogramsPerCubicMetre = -200 };
        SensorFaultException fault = await No2CellBench.FaultOf(() => sensor.ReadAsync());

        Assert.Equal(SensorFaultKind.OutOfRange, fault.Kind);
        Assert.Contains("No2MicrogramsPerCubicMetre", fault.Message);
    }

    [Fact]
    public async Task A_frozen_conversion_register_is_stuck_after_30_minutes()
    {
        var bench = new No2CellBench(noise: true);
        using No2CellSensor sensor = await bench.OpenAsync();
        await sensor.ReadAsync();
        bench.Emulator.Fault = EmulatedFault.Stuck;

        for (int minute = 1; minute <= 29; minute++)
        {
            bench.Time.Advance(TimeSpan.FromMinutes(1));
            bench.Ambient.Conditions = bench.Ambient.Conditions with { No2MicrogramsPerCubicMetre = 14 + minute };
            await sensor.ReadAsync();
        }

        bench.Time.Advance(TimeSpan.FromMinutes(2));
        SensorFaultException fault = await No2CellBench.FaultOf(() => sensor.ReadAsync());
        Assert.Equal(SensorFaultKind.Stuck, fault.Kind);
    }

    [Fact]
    public async Task Electrode_noise_on_a_constant_day_is_never_taken_for_a_stuck_sensor()
    {
        var bench = new No2CellBench(14, noise: true);
        using No2CellSensor sensor = await bench.OpenAsync();

        for (int minute = 0; minute < 6 * 60; minute++)
        {
            Assert.Equal(14, (await sensor.MeasureAsync()).No2MicrogramsPerCubicMetre, tolerance: 2.8);
            bench.Time.Advance(TimeSpan.FromMinutes(1));
        }
    }

    [Fact]
    public async Task A_zero_sensitivity_is_refused_at_open()
    {
        var bench = new No2CellBench();
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            No2CellSensor.OpenAsync(bench.Bus.CreateDevice(No2CellBench.Address), bench.Time, No2CellBench.Calibration with { SensitivityMillivoltsPerPpb = 0 }));
    }
}
