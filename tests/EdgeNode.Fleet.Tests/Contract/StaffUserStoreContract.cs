using EdgeNode.Fleet.Staff;
using EdgeNode.Fleet.Storage;

namespace EdgeNode.Fleet.Tests.Contract;

/// <summary>What every store promises about staff users, run against each provider by a subclass, a fresh database per test.</summary>
public abstract class StaffUserStoreContract : StoreContractBase
{
    private static readonly DateTimeOffset Created = new DateTimeOffset(2026, 3, 1, 8, 30, 15, TimeSpan.FromHours(1)).AddTicks(1_234_560);

    private new IStaffUserStore Store => (IStaffUserStore)base.Store;

    private static StaffUser User(string name = "alice", string role = StaffRoles.Technician) =>
        new(name, role, "AQAAAAIAAYagAAAAE-hash", "STAMP1", true, 0, null, Created, null);

    [Fact]
    public async Task A_user_reads_back_exactly_with_instants_in_utc_to_the_microsecond()
    {
        StaffUser user = User() with { LockedUntil = Created.AddMinutes(15), LastSignInAt = Created.AddDays(1), FailedSignIns = 3, Enabled = false };

        await Store.AddStaffUserAsync(user, None);
        StaffUser read = (await Store.FindStaffUserAsync("alice", None))!;

        Assert.Equal(user, read);
        Assert.Equal(TimeSpan.Zero, read.CreatedAt.Offset);
        Assert.Null(await Store.FindStaffUserAsync("bob", None));
        Assert.Equal(1, await Store.CountStaffUsersAsync(None));
    }

    [Fact]
    public async Task A_taken_name_is_refused_and_the_first_user_kept()
    {
        await Store.AddStaffUserAsync(User(), None);

        StaffUserExistsException refused = await Assert.ThrowsAsync<StaffUserExistsException>(() => Store.AddStaffUserAsync(User(role: StaffRoles.Admin), None));

        Assert.Equal("alice", refused.UserName);
        Assert.Equal(StaffRoles.Technician, (await Store.FindStaffUserAsync("alice", None))!.Role);
    }

    [Fact]
    public async Task An_unknown_role_is_refused_by_the_database_itself()
    {
        await Assert.ThrowsAsync<FleetStoreException>(() => Store.AddStaffUserAsync(User(role: "root"), None));
    }

    [Fact]
    public async Task Users_are_listed_by_name_in_ordinal_order()
    {
        foreach (string name in new[] { "zoe", "a.b", "a_b", "a-b", "10", "9" })
        {
            await Store.AddStaffUserAsync(User(name), None);
        }

        IReadOnlyList<StaffUser> users = await Store.ListStaffUsersAsync(None);

        Assert.Equal(new[] { "zoe", "a.b", "a_b", "a-b", "10", "9" }.Order(StringComparer.Ordinal), users.Select(user => user.UserName));
    }

    [Fact]
    public async Task Role_enabled_and_password_change_only_the_named_user_and_say_whether_it_exists()
    {
        await Store.AddStaffUserAsync(User(), None);
        await Store.AddStaffUserAsync(User("bob"), None);
        await Store.RecordFailedSignInAsync("alice", 5, Created.AddHours(1), None);

        Assert.True(await Store.SetStaffUserRoleAsync("alice", StaffRoles.Viewer, None));
        Assert.True(await Store.SetStaffUserEnabledAsync("alice", false, None));
        Assert.True(await Store.SetStaffUserPasswordAsync("alice", "new-hash", "STAMP2", None));
        Assert.False(await Store.SetStaffUserRoleAsync("nobody", StaffRoles.Viewer, None));
        Assert.False(await Store.SetStaffUserEnabledAsync("nobody", false, None));
        Assert.False(await Store.SetStaffUserPasswordAsync("nobody", "x", "y", None));

        Assert.Equal(User() with { Role = StaffRoles.Viewer, Enabled = false, PasswordHash = "new-hash", SecurityStamp = "STAMP2" }, await Store.FindStaffUserAsync("alice", None));
        Assert.Equal(User("bob"), await Store.FindStaffUserAsync("bob", None));
    }

    [Fact]
    public async Task Failures_are_counted_and_the_last_allowed_one_locks_and_starts_again_from_zero()
    {
        await Store.AddStaffUserAsync(User(), None);
        DateTimeOffset until = Created.AddMinutes(15);

        bool[] locked = [
            await Store.RecordFailedSignInAsync("alice", 3, until, None),
            await Store.RecordFailedSignInAsync("alice", 3, until, None),
        ];
        StaffUser afterTwo = (await Store.FindStaffUserAsync("alice", None))!;
        bool third = await Store.RecordFailedSignInAsync("alice", 3, until, None);
        StaffUser afterThree = (await Store.FindStaffUserAsync("alice", None))!;

        Assert.Equal([false, false], locked);
        Assert.Equal((2, (DateTimeOffset?)null), (afterTwo.FailedSignIns, afterTwo.LockedUntil));
        Assert.True(third);
        Assert.Equal((0, (DateTimeOffset?)until), (afterThree.FailedSignIns, afterThree.LockedUntil));
        Assert.False(await Store.RecordFailedSignInAsync("nobody", 3, until, None));
    }

    [Fact]
    public async Task Concurrent_failures_are_all_counted()
    {
        await Store.AddStaffUserAsync(User(), None);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => Store.RecordFailedSignInAsync("alice", 1_000, Created, None))));

        Assert.Equal(20, (await Store.FindStaffUserAsync("alice", None))!.FailedSignIns);
    }

    [Fact]
    public async Task A_sign_in_forgets_failures_and_lockout_and_a_password_reset_lifts_a_lockout()
    {
        await Store.AddStaffUserAsync(User(), None);
        await Store.AddStaffUserAsync(User("bob"), None);
        await Store.RecordFailedSignInAsync("alice", 5, Created, None);
        await Store.RecordFailedSignInAsync("bob", 1, Created.AddHours(1), None);

        Assert.True(await Store.RecordSignInAsync("alice", Created.AddMinutes(1), None));
        Assert.True(await Store.SetStaffUserPasswordAsync("bob", "new-hash", "STAMP2", None));

        Assert.Equal(User() with { LastSignInAt = Created.AddMinutes(1) }, await Store.FindStaffUserAsync("alice", None));
        StaffUser bob = (await Store.FindStaffUserAsync("bob", None))!;
        Assert.Equal((0, (DateTimeOffset?)null), (bob.FailedSignIns, bob.LockedUntil));
        Assert.False(await Store.RecordSignInAsync("nobody", Created, None));
    }
}
