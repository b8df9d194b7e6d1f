using EdgeNode.Daemon.Tests.Aggregation;
using EdgeNode.Daemon.Updates;

namespace EdgeNode.Daemon.Tests.Updates;

public sealed class ReleaseSwitchTests : IDisposable
{
    private readonly InstallRoot _root = new("1.0.0");
    private readonly SteppableClock _clock = new(new DateTimeOffset(2026, 12, 7, 23, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Switch_then_commit_runs_the_new_version_and_makes_it_the_one_to_come_back_to()
    {
        _root.AddRelease("1.0.1");
        var updates = new ReleaseSwitch(_root.Layout, _clock);

        updates.Switch("1.0.1", faultsBefore: ["sds011"]);
        Assert.Equal("program 1.0.1", _root.Running);
        Assert.Equal("program 1.0.0", _root.BootProgram);
        Assert.Equal(("1.0.0", "1.0.1"), (updates.State.Committed, updates.State.Trial));
        Assert.Equal(["sds011"], updates.State.FaultsBeforeTrial);

        updates.Commit("1.0.1");

        Assert.Equal("program 1.0.1", _root.Running);
        Assert.Equal("program 1.0.1", _root.BootProgram);
        UpdateState state = updates.State;
        Assert.Equal(("1.0.1", null), (state.Committed, state.Trial));
        Assert.Equal(new UpdateOutcome("1.0.1", UpdateResult.Committed, "healthy; replaced 1.0.0", _clock.Now), state.Last);
        // The previous version stays, for a technician to go back to by hand.
        Assert.True(Directory.Exists(_root.Layout.Release("1.0.0")));
    }

    [Fact]
    public void Roll_back_brings_the_committed_version_back_says_why_and_removes_the_failed_one()
    {
        _root.AddRelease("1.0.2");
        var updates = new ReleaseSwitch(_root.Layout, _clock);
        updates.Switch("1.0.2", faultsBefore: []);

        bool rolledBack = updates.RollBack("the CO2 sensor stopped reading");

        Assert.True(rolledBack);
        Assert.Equal("program 1.0.0", _root.Running);
        Assert.Equal(new UpdateOutcome("1.0.2", UpdateResult.RolledBack, "the CO2 sensor stopped reading", _clock.Now), updates.State.Last);
        Assert.False(Directory.Exists(_root.Layout.Release("1.0.2")));
        Assert.False(updates.RollBack("again"));
    }

    [Fact]
    public void A_second_switch_while_one_is_on_trial_and_a_commit_of_another_version_are_refused()
    {
        _root.AddRelease("1.0.1");
        _root.AddRelease("1.0.2");
        var updates = new ReleaseSwitch(_root.Layout, _clock);
        updates.Switch("1.0.1", faultsBefore: []);

        Assert.Contains("still on trial", Assert.Throws<InvalidOperationException>(() => updates.Switch("1.0.2", [])).Message);
        Assert.Contains("not on trial", Assert.Throws<InvalidOperationException>(() => updates.Commit("1.0.2")).Message);
        Assert.Contains("holds no installed release", Assert.Throws<InvalidOperationException>(() => new ReleaseSwitch(new InstallRoot("2.0.0").Layout, _clock).Switch("9.9.9", [])).Message);
        Assert.Equal("program 1.0.1", _root.Running);
    }

    // A power cut between a state write and a link swap: the links disagree with the state, and the boot check makes
    // them agree before anything starts.
    [Fact]
    public void Links_left_behind_by_a_power_cut_are_repaired_from_the_state_before_the_start()
    {
        _root.AddRelease("1.0.1");
        UpdateStateFile.Write(_root.Layout, UpdateStateFile.Read(_root.Layout)! with { Trial = "1.0.1", TrialSince = _clock.Now });
        Assert.Equal("program 1.0.0", _root.Running);

        BootCheck.Run(_root.Layout, _clock);
        Assert.Equal("program 1.0.1", _root.Running);

        UpdateStateFile.Write(_root.Layout, UpdateStateFile.Read(_root.Layout)! with { Committed = "1.0.1", Trial = null });
        Assert.Equal("program 1.0.0", _root.BootProgram);
        BootCheck.Run(_root.Layout, _clock);
        Assert.Equal(("program 1.0.1", "program 1.0.1"), (_root.Running, _root.BootProgram));
    }

    public void Dispose() => _root.Dispose();
}
