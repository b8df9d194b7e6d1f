using EdgeNode.Daemon.Emulation;
using EdgeNode.Daemon.NodeHardware;
using EdgeNode.Sensors;

namespace EdgeNode.Daemon.Tests.Emulation;

public sealed class FaultControlFileTests
{
    private static readonly IReadOnlySet<string> StandardKit = new HashSet<string>(SensorWiring.StandardKit);

    [Fact]
    public void Lines_in_the_fault_syntax_are_read_and_comments_and_blank_lines_skipped()
    {
        (IReadOnlyList<InjectedFault>? faults, IReadOnlyList<string>? problems) = FaultControlFile.Parse("# a comment\n\nsds011=corrupt-data\r\n  BME280 = not-present  \n", StandardKit);

        Assert.Empty(problems);
        Assert.Equal([new InjectedFault("sds011", SensorFaultKind.CorruptData), new InjectedFault("bme280", SensorFaultKind.NotPresent)], faults);
    }

    [Theory]
    [InlineData("toaster=on", "line 2 'toaster=on'", "SENSOR one of")]
    [InlineData("sds011=melted", "line 2 'sds011=melted'", "KIND is one of")]
    [InlineData("sds011", "line 2 'sds011'", "SENSOR=KIND")]
    [InlineData("pms5003=warming-up", "line 2 'pms5003=warming-up'", "only be injected into the self-test")]
    [InlineData("no2=stuck", "line 2 'no2=stuck'", "not fitted")]
    [InlineData("scd4x=corrupt-data", "line 2 'scd4x=corrupt-data'", "one fault per sensor")]
    public void A_line_that_cannot_be_used_is_named_and_the_others_still_count(string badLine, string named, string why)
    {
        (IReadOnlyList<InjectedFault>? faults, IReadOnlyList<string>? problems) = FaultControlFile.Parse($"scd4x=stuck\n{badLine}\nops243=not-answering", StandardKit);

        string problem = Assert.Single(problems);
        Assert.Contains(named, problem);
        Assert.Contains(why, problem);
        Assert.Equal([new InjectedFault("scd4x", SensorFaultKind.Stuck), new InjectedFault("ops243", SensorFaultKind.NotAnswering)], faults);
    }

    [Fact]
    public void What_is_written_reads_back_as_the_same_faults()
    {
        string folder = Directory.CreateTempSubdirectory("edgenode-faults-").FullName;
        try
        {
            InjectedFault[] written = [new(SensorWiring.Radar, SensorFaultKind.Stuck), new(SensorWiring.Pms5003, SensorFaultKind.OutOfRange)];
            FaultControlFile.Write(Path.Combine(folder, "data"), written);

            (IReadOnlyList<InjectedFault>? read, IReadOnlyList<string>? problems) = FaultControlFile.Parse(File.ReadAllText(FaultControlFile.PathIn(Path.Combine(folder, "data"))), StandardKit);
            Assert.Empty(problems);
            Assert.Equal(written, read);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
