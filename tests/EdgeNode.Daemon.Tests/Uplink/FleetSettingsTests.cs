using EdgeNode.Daemon.Calibration;
using EdgeNode.Daemon.Uplink;
using EdgeNode.Protocol.Messages;
using EdgeNode.TestSupport;

namespace EdgeNode.Daemon.Tests.Uplink;

/// <summary>Which configuration revisions the node takes, and what it says of the others.</summary>
public sealed class FleetSettingsTests : IDisposable
{
    private readonly TemporaryDirectory _data = new("edgenode-fleet-settings-");

    public void Dispose() => _data.Dispose();

    [Fact]
    public void The_revision_in_force_again_says_nothing_and_an_older_one_is_refused_naming_the_revision_in_force()
    {
        var options = new UplinkOptions();
        var settings = new FleetSettings(options, _data.Path, new CalibrationInForce());
        Assert.True(settings.Apply(Sync(6, "00:30:00"))!.Applied);

        ConfigApplied? repeated = settings.Apply(Sync(6, "00:30:00"));
        ConfigApplied? older = settings.Apply(Sync(2, "01:00:00"));

        Assert.Null(repeated);
        Assert.NotNull(older);
        Assert.False(older.Applied);
        Assert.Equal(2, older.Revision);
        Assert.Contains("older than revision 6, which this node has in force", older.Problem, StringComparison.Ordinal);
        Assert.Equal(6, settings.AppliedRevision);
        Assert.Equal(TimeSpan.FromMinutes(30), options.SyncInterval);
        Assert.True(settings.Apply(Sync(7, "01:00:00"))!.Applied);
        Assert.Equal(TimeSpan.FromHours(1), options.SyncInterval);
    }

    private static ConfigMessage Sync(int revision, string interval) =>
        new("n1", revision, new Dictionary<string, string> { ["Uplink:SyncInterval"] = interval });
}
