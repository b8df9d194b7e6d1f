using EdgeNode.Fleet.Audit;
using EdgeNode.Fleet.Storage;

namespace EdgeNode.Fleet.Tests.Contract;

/// <summary>What every store promises about the audit log, run against each provider by a subclass, a fresh database per test.</summary>
public abstract class AuditStoreContract : StoreContractBase
{
    private static readonly DateTimeOffset At = new DateTimeOffset(2026, 3, 1, 8, 30, 15, TimeSpan.FromHours(1)).AddTicks(1_234_560);

    private new IAuditStore Store => (IAuditStore)base.Store;

    [Fact]
    public async Task Entries_read_back_exactly_newest_first_with_increasing_ids()
    {
        var written = new List<AuditEntry>();
        for (int i = 0; i < 3; i++)
        {
            var entry = new AuditEntry(0, At.AddSeconds(i), "admin", "user.create", $"user{i}", i == 2 ? "" : "rôle « viewer » → ✓");
            written.Add(entry with { Id = await Store.AppendAuditEntryAsync(entry, None), At = entry.At.ToUniversalTime() });
        }

        IReadOnlyList<AuditEntry> read = await Store.ReadAuditEntriesAsync(10, null, None);

        Assert.True(written[0].Id < written[1].Id && written[1].Id < written[2].Id, string.Join(", ", written.Select(entry => entry.Id)));
        Assert.Equal(Enumerable.Reverse(written), read);
        Assert.All(read, entry => Assert.Equal(TimeSpan.Zero, entry.At.Offset));
    }

    [Fact]
    public async Task Reading_pages_back_through_older_entries()
    {
        for (int i = 0; i < 7; i++)
        {
            await Store.AppendAuditEntryAsync(new AuditEntry(0, At, "system", "node.enrol", $"node-{i}", ""), None);
        }

        IReadOnlyList<AuditEntry> first = await Store.ReadAuditEntriesAsync(3, null, None);
        IReadOnlyList<AuditEntry> second = await Store.ReadAuditEntriesAsync(3, first[^1].Id, None);
        IReadOnlyList<AuditEntry> last = await Store.ReadAuditEntriesAsync(3, second[^1].Id, None);

        Assert.Equal(["node-6", "node-5", "node-4"], first.Select(entry => entry.Target));
        Assert.Equal(["node-3", "node-2", "node-1"], second.Select(entry => entry.Target));
        Assert.Equal(["node-0"], last.Select(entry => entry.Target));
        Assert.Empty(await Store.ReadAuditEntriesAsync(0, null, None));
    }

    [Fact]
    public async Task An_entry_without_actor_or_action_is_refused_by_the_database_itself()
    {
        await Assert.ThrowsAsync<FleetStoreException>(() => Store.AppendAuditEntryAsync(new AuditEntry(0, At, "", "user.create", "", ""), None));
        await Assert.ThrowsAsync<FleetStoreException>(() => Store.AppendAuditEntryAsync(new AuditEntry(0, At, "admin", "", "", ""), None));
    }
}
