using EdgeNode.Daemon.Tests.Aggregation;
using EdgeNode.Daemon.Updates;

namespace EdgeNode.Daemon.Tests.Updates;

public sealed class BootCheckTests : IDisposable
{
    private readonly InstallRoot _root = new("1.0.0");
    private readonly SteppableClock _clock = new(new DateTimeOffset(2026, 12, 7, 23, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_version_that_keeps_crashing_gets_three_starts_then_the_committed_one_comes_back()
    {
        SwitchTo("1.0.2");
        for (int start = 1; start <= BootCheck.MaximumStarts; start++)
        {
            string? said = BootCheck.Run(_root.Layout, _clock);
            Assert.Contains($"start {start} of 3", said);
            Assert.Equal("program 1.0.2", _root.Running);
            _clock.Now += TimeSpan.FromSeconds(20);
        }

        string? rolledBack = BootCheck.Run(_root.Layout, _clock);

        Assert.Contains("rolled back to 1.0.0", rolledBack);
        Assert.Equal("program 1.0.0", _root.Running);
        UpdateOutcome last = UpdateStateFile.Read(_root.Layout)!.Last!;
        Assert.Equal((UpdateResult.RolledBack, "1.0.2"), (last.Result, last.Version));
        Assert.Contains("crashed or hung", last.Reason);
    }

    [Fact]
    public void A_version_that_runs_past_the_deadline_without_proof_of_health_is_rolled_back_at_its_next_start()
    {
        SwitchTo("1.0.2");
        BootCheck.Run(_root.Layout, _clock);
        _clock.Now += UpdateGate.Deadline + TimeSpan.FromSeconds(1);

        string? said = BootCheck.Run(_root.Layout, _clock);

        Assert.Contains("no proof of health within 10 minutes", said);
        Assert.Equal("program 1.0.0", _root.Running);
    }

    [Fact]
    public void Nothing_on_trial_or_no_state_at_all_means_nothing_to_do()
    {
        Assert.Null(BootCheck.Run(_root.Layout, _clock));
        Assert.Equal("program 1.0.0", _root.Running);

        File.Delete(_root.Layout.StateFile);
        Assert.Null(BootCheck.Run(_root.Layout, _clock));
    }

    private void SwitchTo(string version)
    {
        _root.AddRelease(version);
        new ReleaseSwitch(_root.Layout, _clock).Switch(version, faultsBefore: []);
    }

    public void Dispose() => _root.Dispose();
}
