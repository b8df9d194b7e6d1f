using EdgeNode.Fleet.Registry;

namespace EdgeNode.Fleet.Tests.Contract;

/// <summary>What every store promises about the node registry.</summary>
public abstract class NodeRegistryStoreContract : StoreContractBase
{
    private static readonly DateTimeOffset Enrolled = new(2026, 11, 2, 9, 30, 15, 123_456 / 1000, TimeSpan.Zero);

    private INodeRegistryStore Registry => (INodeRegistryStore)Store;

    private static RegisteredNode Node(string id, string municipality = "Saint-Jean", string name = "Mairie") =>
        new(id, name, municipality, "LP-0042", 43.3891, -1.6631, Enabled: true, Enrolled, Enrolled);

    [Fact]
    public async Task An_added_node_reads_back_whole_with_its_hash_apart()
    {
        RegisteredNode node = Node("saint-jean-mairie") with { EnrolledAt = Enrolled.AddTicks(10), Latitude = null };
        await Registry.AddAsync(node, "hash-1", None);

        Assert.Equal(node with { EnrolledAt = Enrolled.AddTicks(10) }, await Registry.FindAsync("saint-jean-mairie", None));
        Assert.Equal("hash-1", await Registry.ReadCredentialHashAsync("saint-jean-mairie", None));
        Assert.Null(await Registry.FindAsync("nobody", None));
        Assert.Null(await Registry.ReadCredentialHashAsync("nobody", None));
    }

    [Fact]
    public async Task The_same_id_twice_is_refused_and_the_first_is_kept()
    {
        await Registry.AddAsync(Node("n1", name: "first"), "hash-1", None);

        NodeAlreadyRegisteredException refused = await Assert.ThrowsAsync<NodeAlreadyRegisteredException>(() => Registry.AddAsync(Node("n1", name: "second"), "hash-2", None));

        Assert.Equal("n1", refused.NodeId);
        Assert.Equal("first", (await Registry.FindAsync("n1", None))!.Name);
        Assert.Equal("hash-1", await Registry.ReadCredentialHashAsync("n1", None));
    }

    [Fact]
    public async Task Nodes_are_listed_by_municipality_then_name_ignoring_accents_and_case()
    {
        await Registry.AddAsync(Node("c", "Villeneuve", "Stade"), "h", None);
        await Registry.AddAsync(Node("b", "Saint-Jean", "mairie"), "h", None);
        await Registry.AddAsync(Node("a", "Saint-Jean", "École"), "h", None);
        await Registry.AddAsync(Node("d", "Écouen", "Gare"), "h", None);

        IReadOnlyList<RegisteredNode> listed = await Registry.ListAsync(None);

        Assert.Equal(["d", "a", "b", "c"], listed.Select(node => node.Id));
    }

    [Fact]
    public async Task Details_enabled_and_credential_change_only_the_named_node()
    {
        await Registry.AddAsync(Node("n1"), "hash-1", None);
        await Registry.AddAsync(Node("n2"), "hash-2", None);
        DateTimeOffset rotated = Enrolled.AddDays(3);

        Assert.True(await Registry.UpdateDetailsAsync("n1", "Gare", "Villeneuve", "LP-7", 44.1, 0.5, None));
        Assert.True(await Registry.SetEnabledAsync("n1", false, None));
        Assert.True(await Registry.SetCredentialAsync("n1", "hash-1b", rotated, None));

        Assert.Equal(
            new RegisteredNode("n1", "Gare", "Villeneuve", "LP-7", 44.1, 0.5, Enabled: false, Enrolled, rotated),
            await Registry.FindAsync("n1", None));
        Assert.Equal("hash-1b", await Registry.ReadCredentialHashAsync("n1", None));
        Assert.Equal(Node("n2"), await Registry.FindAsync("n2", None));
        Assert.Equal("hash-2", await Registry.ReadCredentialHashAsync("n2", None));
    }

    [Fact]
    public async Task Changing_or_removing_an_unknown_node_says_so()
    {
        Assert.False(await Registry.UpdateDetailsAsync("nobody", "x", "y", "", null, null, None));
        Assert.False(await Registry.SetEnabledAsync("nobody", false, None));
        Assert.False(await Registry.SetCredentialAsync("nobody", "h", Enrolled, None));
        Assert.False(await Registry.RemoveAsync("nobody", None));
    }

    [Fact]
    public async Task A_removed_node_is_gone_and_its_id_can_be_enrolled_again()
    {
        await Registry.AddAsync(Node("n1"), "hash-1", None);

        Assert.True(await Registry.RemoveAsync("n1", None));
        Assert.Null(await Registry.FindAsync("n1", None));
        await Registry.AddAsync(Node("n1"), "hash-2", None);
        Assert.Equal("hash-2", await Registry.ReadCredentialHashAsync("n1", None));
    }

    [Fact]
    public async Task A_coordinate_off_the_globe_is_refused_by_the_database()
    {
        await Assert.ThrowsAnyAsync<Exception>(() => Registry.AddAsync(Node("n1") with { Latitude = 91 }, "h", None));
        Assert.Null(await Registry.FindAsync("n1", None));
    }
}
