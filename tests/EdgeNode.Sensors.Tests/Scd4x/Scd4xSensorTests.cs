using System.Device.I2c;
using EdgeNode.Sensors.Emulation;
using EdgeNode.Sensors.Scd4x;

namespace EdgeNode.Sensors.Tests.Scd4x;

public class Scd4xSensorTests
{
    [Fact]
    public async Task Opening_reads_the_serial_number_and_starts_periodic_measurement()
    {
        var bench = new Scd4xBench();
        using Scd4xSensor sensor = await bench.OpenAsync();

        Assert.Equal(273_325_796_834_238ul, sensor.SerialNumber);
        Assert.Equal(Scd4xBench.SensorName, sensor.Description);
        Assert.True(bench.Emulator.IsMeasuringPeriodically);
    }

    [Fact]
    public async Task A_sensor_left_measuring_by_a_previous_run_is_stopped_and_identified()
    {
        var bench = new Scd4xBench();
        using (await bench.OpenAsync())
        {
        }

        bench.Time.Advance(TimeSpan.FromSeconds(1)); // the stop sent on dispose takes 500 ms
        I2cDevice device = bench.Bus.CreateDevice(Scd4xBench.Address);
        device.Write([0x21, 0xB1]); // start_periodic_measurement, as another program would have left it
        Assert.True(bench.Emulator.IsMeasuringPeriodically);

        using Scd4xSensor sensor = await bench.OpenAsync();
        Assert.Equal(Scd4xEmulator.DatasheetSerialNumber, sensor.SerialNumber);
    }

    [Fact]
    public async Task The_first_reading_before_the_first_5_s_measurement_is_warming_up()
    {
        var bench = new Scd4xBench();
        using Scd4xSensor sensor = await bench.OpenAsync();

        SensorFaultException fault = await Scd4xBench.FaultOf(() => sensor.ReadAsync());

        Assert.Equal(SensorFaultKind.WarmingUp, fault.Kind);
        Assert.Contains("5 s", fault.Message);
    }

    [Theory]
    [InlineData(420, 18.5, 62.0)]
    [InlineData(0, -9.5, 3.0)]
    [InlineData(5000, 35.2, 88.8)]
    [InlineData(40000, 59.9, 100.0)]
    public async Task After_5_s_the_driver_reads_back_the_emulated_air_within_one_output_step(int co2, double celsius, double humidity)
    {
        var bench = new Scd4xBench(conditions: AmbientConditions.Typical with
        {
            Co2PartsPerMillion = co2,
            TemperatureCelsius = celsius,
            RelativeHumidityPercent = humidity,
        });
        using Scd4xSensor sensor = await bench.OpenWarmAsync();

        Scd4xReading reading = await sensor.MeasureAsync();

        Assert.Equal(co2, reading.Co2PartsPerMillion);
        Assert.Equal(celsius, reading.TemperatureCelsius, tolerance: 175.0 / 65535);
        Assert.Equal(humidity, reading.RelativeHumidityPercent, tolerance: 100.0 / 65535);
    }

    [Fact]
    public async Task ReadAsync_returns_the_three_metrics_it_declares()
    {
        var bench = new Scd4xBench();
        using Scd4xSensor sensor = await bench.OpenWarmAsync();

        IReadOnlyList<Measurement> measurements = await sensor.ReadAsync();

        Assert.Equal(sensor.Metrics, measurements.Select(m => m.Metric));
        Assert.Equal(420, measurements[0].Value);
    }

    [Fact]
    public async Task A_second_reading_waits_for_the_next_5_s_measurement()
    {
        var bench = new Scd4xBench();
        using Scd4xSensor sensor = await bench.OpenWarmAsync();
        Scd4xReading first = await sensor.MeasureAsync();
        bench.Ambient.Conditions = bench.Ambient.Conditions with { Co2PartsPerMillion = 800 };

        Scd4xReading second = await sensor.MeasureAsync();

        Assert.Equal(800, second.Co2PartsPerMillion);
        Assert.InRange(second.MeasuredAt - first.MeasuredAt, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(5.2));
    }

    [Fact]
    public async Task Single_shot_on_an_SCD41_discards_the_first_shot_then_measures_in_5_s()
    {
        var bench = new Scd4xBench();
        using Scd4xSensor sensor = await bench.OpenAsync(Scd4xMeasurementMode.SingleShot);
        Assert.False(bench.Emulator.IsMeasuringPeriodically);
        DateTimeOffset start = bench.Time.GetUtcNow();

        Scd4xReading first = await sensor.MeasureAsync();
        Assert.InRange(first.MeasuredAt - start, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10.1));
        Assert.Equal(420, first.Co2PartsPerMillion);
        Assert.Equal(18.5, first.TemperatureCelsius, tolerance: 175.0 / 65535);

        bench.Ambient.Conditions = bench.Ambient.Conditions with { Co2PartsPerMillion = 1500 };
        Scd4xReading second = await sensor.MeasureAsync();
        Assert.InRange(second.MeasuredAt - first.MeasuredAt, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5.1));
        Assert.Equal(1500, second.Co2PartsPerMillion);
    }

    [Fact]
    public async Task Single_shot_on_an_SCD40_is_not_answering_and_says_only_the_SCD41_can()
    {
        var bench = new Scd4xBench(Scd4xVariant.Scd40);
        using Scd4xSensor sensor = await bench.OpenAsync(Scd4xMeasurementMode.SingleShot);

        SensorFaultException fault = await Scd4xBench.FaultOf(() => sensor.ReadAsync());

        Assert.Equal(SensorFaultKind.NotAnswering, fault.Kind);
        Assert.Contains("Only the SCD41", fault.Message);
    }

    [Fact]
    public async Task Nothing_at_the_address_is_not_present()
    {
        var bench = new Scd4xBench();
        bench.Emulator.Fault = EmulatedFault.Silent;

        SensorFaultException fault = await Scd4xBench.FaultOf(() => bench.OpenAsync());

        Assert.Equal(SensorFaultKind.NotPresent, fault.Kind);
    }

    [Fact]
    public async Task Another_device_whose_serial_number_fails_the_CRC_is_not_present()
    {
        var bench = new Scd4xBench();
        bench.Emulator.Fault = EmulatedFault.WrongDevice;

        SensorFaultException fault = await Scd4xBench.FaultOf(() => bench.OpenAsync());

        Assert.Equal(SensorFaultKind.NotPresent, fault.Kind);
        Assert.Contains("fails the Sensirion CRC", fault.Message);
    }

    [Fact]
    public async Task A_sensor_that_stops_answering_is_not_answering_then_restarts_and_warms_up_again()
    {
        var bench = new Scd4xBench();
        using Scd4xSensor sensor = await bench.OpenWarmAsync();
        bench.Emulator.Fault = EmulatedFault.Silent;

        SensorFaultException silent = await Scd4xBench.FaultOf(() => sensor.ReadAsync());
        Assert.Equal(SensorFaultKind.NotAnswering, silent.Kind);

        bench.Emulator.Fault = EmulatedFault.None;
        bench.Emulator.PowerCycle();
        bench.Time.Advance(TimeSpan.FromSeconds(1));
        SensorFaultException warming = await Scd4xBench.FaultOf(() => sensor.ReadAsync());
        Assert.Equal(SensorFaultKind.WarmingUp, warming.Kind);
        Assert.True(bench.Emulator.IsMeasuringPeriodically);

        bench.Time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(420, (await sensor.MeasureAsync()).Co2PartsPerMillion);
    }

    [Fact]
    public async Task A_sensor_that_reset_and_stopped_measuring_is_not_answering_after_two_intervals_then_restarted()
    {
        var bench = new Scd4xBench();
        using Scd4xSensor sensor = await bench.OpenWarmAsync();
        await sensor.ReadAsync();
        bench.Emulator.PowerCycle();
        bench.Time.Advance(TimeSpan.FromSeconds(1));

        SensorFaultException fault = await Scd4xBench.FaultOf(() => sensor.ReadAsync());
        Assert.Equal(SensorFaultKind.NotAnswering, fault.Kind);
        Assert.Contains("no new measurement", fault.Message);
        Assert.False(bench.Emulator.IsMeasuringPeriodically);

        SensorFaultException warming = await Scd4xBench.FaultOf(() => sensor.ReadAsync());
        Assert.Equal(SensorFaultKind.WarmingUp, warming.Kind);
        bench.Time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(420, (await sensor.MeasureAsync()).Co2PartsPerMillion);
    }

    [Fact]
    public async Task A_word_failing_its_CRC_is_corrupt_data_and_clean_words_are_read_again_after()
    {
        var bench = new Scd4xBench();
        using Scd4xSensor sensor = await bench.OpenWarmAsync();
        bench.Emulator.Fault = EmulatedFault.CorruptData;

        SensorFaultException fault = await Scd4xBench.FaultOf(() => sensor.ReadAsync());

        Assert.Equal(SensorFaultKind.CorruptData, fault.Kind);
        Assert.Contains("fails its CRC", fault.Message);

        bench.Emulator.Fault = EmulatedFault.None;
        Assert.Equal(420, (await sensor.MeasureAsync()).Co2PartsPerMillion);
    }

    [Fact]
    public async Task A_measurement_word_failing_its_CRC_is_corrupt_data_even_when_data_ready_was_clean()
    {
        var bench = new Scd4xBench();
        var flipping = new NthReadCorruptingDevice(bench.Emulator, readToCorrupt: 3, byteToCorrupt: 4);
        var bus = new Hardware.Emulation.EmulatedI2cBus(1);
        bus.Attach(Scd4xBench.Address, flipping);
        using Scd4xSensor sensor = await Scd4xSensor.OpenAsync(bus.CreateDevice(Scd4xBench.Address), bench.Time);
        bench.Time.Advance(TimeSpan.FromSeconds(5));

        SensorFaultException fault = await Scd4xBench.FaultOf(() => sensor.ReadAsync());

        Assert.Equal(SensorFaultKind.CorruptData, fault.Kind);
        Assert.Contains("word 2 of its answer to read_measurement", fault.Message);
    }

    [Fact]
    public async Task An_impossible_CO2_value_in_well_formed_words_is_out_of_range()
    {
        var bench = new Scd4xBench();
        using Scd4xSensor sensor = await bench.OpenWarmAsync();
        bench.Emulator.Fault = EmulatedFault.OutOfRange;
        bench.Time.Advance(TimeSpan.FromSeconds(5));

        SensorFaultException fault = await Scd4xBench.FaultOf(() => sensor.ReadAsync());

        Assert.Equal(SensorFaultKind.OutOfRange, fault.Kind);
        Assert.Contains("Co2PartsPerMillion", fault.Message);
    }

    [Fact]
    public async Task A_temperature_outside_minus_10_to_60_degrees_is_out_of_range()
    {
        var bench = new Scd4xBench(conditions: AmbientConditions.Typical with { TemperatureCelsius = 70 });
        using Scd4xSensor sensor = await bench.OpenWarmAsync();

        SensorFaultException fault = await Scd4xBench.FaultOf(() => sensor.ReadAsync());

        Assert.Equal(SensorFaultKind.OutOfRange, fault.Kind);
        Assert.Contains("TemperatureCelsius", fault.Message);
    }

    [Fact]
    public async Task Identical_words_for_more_than_30_minutes_are_stuck_even_when_the_air_changes()
    {
        var bench = new Scd4xBench(jitter: true);
        using Scd4xSensor sensor = await bench.OpenWarmAsync();
        await sensor.ReadAsync();
        bench.Emulator.Fault = EmulatedFault.Stuck;

        for (int minute = 1; minute <= 29; minute++)
        {
            bench.Time.Advance(TimeSpan.FromMinutes(1));
            bench.Ambient.Conditions = bench.Ambient.Conditions with { Co2PartsPerMillion = 420 + minute * 10 };
            await sensor.ReadAsync();
        }

        bench.Time.Advance(TimeSpan.FromMinutes(2));
        SensorFaultException fault = await Scd4xBench.FaultOf(() => sensor.ReadAsync());
        Assert.Equal(SensorFaultKind.Stuck, fault.Kind);
        Assert.Contains("30 minutes", fault.Message);
    }

    [Fact]
    public async Task Real_jitter_on_a_constant_day_is_never_taken_for_a_stuck_sensor()
    {
        var bench = new Scd4xBench(jitter: true);
        using Scd4xSensor sensor = await bench.OpenWarmAsync();

        for (int i = 0; i < 2 * 60 * 12; i++)
        {
            Scd4xReading reading = await sensor.MeasureAsync();
            Assert.InRange(reading.Co2PartsPerMillion, 415, 425);
        }
    }

    [Fact]
    public async Task The_self_test_passes_on_a_healthy_sensor_and_measurement_then_warms_up_again()
    {
        var bench = new Scd4xBench();
        using Scd4xSensor sensor = await bench.OpenWarmAsync();

        Assert.True(await sensor.PerformSelfTestAsync());
        Assert.True(bench.Emulator.IsMeasuringPeriodically);
        SensorFaultException fault = await Scd4xBench.FaultOf(() => sensor.ReadAsync());
        Assert.Equal(SensorFaultKind.WarmingUp, fault.Kind);
    }

    [Fact]
    public async Task The_self_test_reports_a_malfunction()
    {
        var bench = new Scd4xBench();
        bench.Emulator.SelfTestResult = 0x0001;
        using Scd4xSensor sensor = await bench.OpenWarmAsync();

        Assert.False(await sensor.PerformSelfTestAsync());
    }

    [Fact]
    public async Task Disposing_leaves_the_sensor_idle()
    {
        var bench = new Scd4xBench();
        Scd4xSensor sensor = await bench.OpenAsync();

        sensor.Dispose();

        Assert.False(bench.Emulator.IsMeasuringPeriodically);
    }
}
