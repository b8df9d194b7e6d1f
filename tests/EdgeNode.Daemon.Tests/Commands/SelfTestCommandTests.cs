using EdgeNode.Daemon.Commands;
using EdgeNode.Daemon.SelfTest;

namespace EdgeNode.Daemon.Tests.Commands;

/// <summary>
/// <c>edgenode selftest --emulate</c> end to end: the real command line, the real drivers, emulated
/// sensors at the wire, and faults injected the way a technician would ask for them.
/// </summary>
public class SelfTestCommandTests
{
    private static readonly string[] SensorLabels = ["BME280", "SCD4x", "SDS011", "PMS5003", "OPS243"];

    private static async Task<(int ExitCode, string Output)> Run(params string[] args)
    {
        var output = new StringWriter();
        int exitCode = await EdgeNodeCommandLine.Create(output).Parse(["selftest", .. args]).InvokeAsync();
        return (exitCode, output.ToString());
    }

    private static string LineOf(string output, string sensor) =>
        output.Split('\n').Single(line => line.StartsWith(sensor + " ", StringComparison.Ordinal));

    [Fact]
    public async Task Every_emulated_sensor_is_found_read_and_OK_and_the_report_is_dated_now()
    {
        DateTimeOffset before = DateTimeOffset.UtcNow;
        (int exitCode, string? output) = await Run("--emulate");
        DateTimeOffset after = DateTimeOffset.UtcNow;

        Assert.Equal(SelfTestCommand.AllOk, exitCode);
        // Not the emulation's virtual start date (it printed 2026-01-15 08:00 UTC whenever it ran).
        string heading = output.Split('\n')[0];
        Assert.True(heading.Contains($"{before:yyyy-MM-dd HH:mm} UTC", StringComparison.Ordinal) || heading.Contains($"{after:yyyy-MM-dd HH:mm} UTC", StringComparison.Ordinal),
            $"the self-test is not dated now ({before:yyyy-MM-dd HH:mm} UTC): {heading}");
        Assert.Contains("I2C bus 1: devices answer at 0x62, 0x76", output);
        Assert.Matches(@"OK\s+temperature 18\.\d °C, humidity 6\d\.\d %RH, pressure 101\d\.\d hPa", LineOf(output, "BME280"));
        Assert.Matches(@"OK\s+CO2 4\d\d\.\d ppm", LineOf(output, "SCD4x"));
        Assert.Matches(@"OK\s+PM2\.5 \d+\.\d µg/m³, PM10 \d+\.\d µg/m³", LineOf(output, "SDS011"));
        Assert.Matches(@"OK\s+PM1 \d+\.\d µg/m³, PM2\.5 \d+\.\d µg/m³, PM10 \d+\.\d µg/m³", LineOf(output, "PMS5003"));
        Assert.Matches(@"OK\s+\d+ vehicles in 3 h \(\d+ approaching, \d+ receding\), fastest \d+ km/h", LineOf(output, "OPS243"));
        Assert.Contains("Verdict: all 5 sensors OK.", output);
    }

    public static TheoryData<string, string, string> InjectedFaults()
    {
        var data = new TheoryData<string, string, string>();
        string[] kinds = ["not-present", "not-answering", "corrupt-data", "out-of-range", "stuck"];
        foreach (string sensor in SensorLabels)
        {
            foreach (string kind in kinds)
            {
                data.Add(sensor, kind, kind == "stuck" ? "stuck value" : kind.Replace('-', ' '));
            }
        }

        data.Add("SDS011", "warming-up", "warming up");
        data.Add("PMS5003", "warming-up", "warming up");
        return data;
    }

    [Theory]
    [MemberData(nameof(InjectedFaults))]
    public async Task An_injected_fault_gets_its_own_verdict_and_the_other_sensors_stay_OK(string sensor, string kind, string verdictWords)
    {
        (int exitCode, string? output) = await Run("--emulate", "--fault", $"{sensor.ToLowerInvariant()}={kind}");

        Assert.Equal(SelfTestCommand.SomeFaulty, exitCode);
        Assert.Matches($@"FAULT\s+{verdictWords}$", LineOf(output, sensor).TrimEnd());
        foreach (string other in SensorLabels.Where(s => s != sensor))
        {
            Assert.Contains(" OK ", LineOf(output, other));
        }

        Assert.Contains("Verdict: 1 of 5 sensors faulty.", output);
    }

    [Fact]
    public async Task A_faulty_sensor_line_is_followed_by_what_to_check()
    {
        (int _, string? output) = await Run("--emulate", "--fault", "bme280=not-present");

        string[] lines = output.Split('\n');
        int at = Array.FindIndex(lines, l => l.StartsWith("BME280 ", StringComparison.Ordinal));
        Assert.Contains("0x76", lines[at + 1]);
        Assert.Contains("check", lines[at + 1]);
    }

    [Fact]
    public async Task Only_the_fitted_sensors_are_checked()
    {
        (int exitCode, string? output) = await Run("--emulate", "--sensors", "bme280,pms5003");

        Assert.Equal(SelfTestCommand.AllOk, exitCode);
        Assert.Contains("Verdict: all 2 sensors OK.", output);
        Assert.DoesNotContain("SDS011", output);
    }

    [Fact]
    public async Task The_optional_NO2_cell_is_checked_when_fitted()
    {
        (int exitCode, string? output) = await Run("--emulate", "--sensors", "bme280,no2");

        Assert.Equal(SelfTestCommand.AllOk, exitCode);
        Assert.Contains("0x48  ADS1115 ADC (NO2 cell)", output);
        Assert.Matches(@"OK\s+NO2 \d+\.\d µg/m³", LineOf(output, "NO2"));
    }

    [Theory]
    [InlineData("not-present", "not present")]
    [InlineData("not-answering", "not answering")]
    [InlineData("corrupt-data", "corrupt data")]
    [InlineData("out-of-range", "out of range")]
    [InlineData("stuck", "stuck value")]
    public async Task Faults_of_the_NO2_cell_get_their_own_verdict(string kind, string verdictWords)
    {
        (int exitCode, string? output) = await Run("--emulate", "--sensors", "no2", "--fault", $"no2={kind}");

        Assert.Equal(SelfTestCommand.SomeFaulty, exitCode);
        Assert.Matches($@"FAULT\s+{verdictWords}$", LineOf(output, "NO2").TrimEnd());
    }

    [Theory]
    [InlineData("--no2-calibration", "225,232", "write WE0,AE0,SENSITIVITY as on the certificate")]
    [InlineData("--no2-calibration", "225,232,0", "the sensitivity is not zero")]
    [InlineData("--sensors", "no2", "The NO2 cell needs the constants on its certificate")]
    public async Task The_NO2_cell_on_real_hardware_needs_its_certificate(string option, string value, string message)
    {
        (int exitCode, string? output) = await Run(option, value);

        Assert.Equal(SelfTestCommand.UsageError, exitCode);
        Assert.Contains(message, output);
    }

    [Theory]
    [InlineData("--fault", "bme280=melted", "KIND is one of not-present, not-answering, corrupt-data, out-of-range, stuck, warming-up")]
    [InlineData("--fault", "toaster=stuck", "SENSOR one of bme280, scd4x, sds011, pms5003, ops243, no2")]
    [InlineData("--fault", "bme280=warming-up", "only sds011 and pms5003 sleep and warm up")]
    [InlineData("--sensors", "bme280,toaster", "--sensors: unknown toaster")]
    public async Task Bad_options_get_a_clear_message_and_exit_code_2(string option, string value, string message)
    {
        (int exitCode, string? output) = await Run("--emulate", option, value);

        Assert.Equal(SelfTestCommand.UsageError, exitCode);
        Assert.Contains(message, output);
    }

    [Fact]
    public async Task Faults_cannot_be_injected_into_real_hardware()
    {
        (int exitCode, string? output) = await Run("--fault", "bme280=stuck");

        Assert.Equal(SelfTestCommand.UsageError, exitCode);
        Assert.Contains("--fault needs --emulate", output);
    }

    [Fact]
    public async Task On_a_machine_without_sensors_the_real_self_test_says_what_is_missing()
    {
        (int exitCode, string? output) = await Run("--i2c-bus", "97", "--sds011", "/dev/ttyEDGENODE-NONE", "--sensors", "bme280,sds011");

        Assert.Equal(SelfTestCommand.SomeFaulty, exitCode);
        Assert.Contains("I2C bus 97: cannot scan. I2C bus 97 not found", output);
        Assert.Matches(@"FAULT\s+not present", LineOf(output, "BME280"));
        Assert.Matches(@"FAULT\s+not present", LineOf(output, "SDS011"));
        Assert.Contains("enable_uart=1", output);
    }
}
