using EdgeNode.Fleet.Broker.Accounts;
using EdgeNode.Protocol.Topics;

namespace EdgeNode.Fleet.Tests.Broker;

/// <summary>
/// Ids that could bend a topic or an ACL are refused with a reason before anything is sent: these accounts object is
/// never started, and would throw "not started" if a request got that far.
/// </summary>
public sealed class NodeIdRefusalTests
{
    public static TheoryData<string, string> Bad => new()
    {
        { "a+b", "'+'" },
        { "a#", "'#'" },
        { "a/b", "'/'" },
        { "a\0b", "U+0000" },
        { new string('a', NodeId.MaximumLength + 1), "at most 48" },
        { "", "empty" },
        { "A", "'A'" },
        { "-a", "'-'" },
    };

    private static BrokerAccounts NeverStarted() =>
        new(new BrokerAccountsOptions { Host = "127.0.0.1", Port = 1, Admin = BrokerCredential.NewAdmin() });

    [Theory]
    [MemberData(nameof(Bad))]
    public async Task Every_node_operation_refuses_the_id_with_a_reason(string id, string reason)
    {
        await using BrokerAccounts accounts = NeverStarted();
        Func<Task>[] operations =
        [
            () => accounts.CreateNodeAsync(id, "pw"),
            () => accounts.DisableNodeAsync(id),
            () => accounts.EnableNodeAsync(id),
            () => accounts.SetNodePasswordAsync(id, "pw"),
            () => accounts.DeleteNodeAsync(id),
        ];
        foreach (Func<Task> operation in operations)
        {
            ArgumentException refused = await Assert.ThrowsAsync<ArgumentException>(operation);
            Assert.Contains(reason, refused.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_valid_id_gets_as_far_as_the_missing_start()
    {
        await using BrokerAccounts accounts = NeverStarted();
        await Assert.ThrowsAsync<InvalidOperationException>(() => accounts.CreateNodeAsync("mairie-12", "pw"));
    }

    [Theory]
    [InlineData("fleet-1")]
    [InlineData("")]
    [InlineData("fleet\n")]
    public async Task A_fleet_account_name_a_node_could_hold_is_refused(string username)
    {
        await using BrokerAccounts accounts = NeverStarted();
        await Assert.ThrowsAsync<ArgumentException>(() => accounts.CreateFleetAccountAsync(username, "pw"));
    }

    [Fact]
    public async Task An_empty_password_is_refused()
    {
        await using BrokerAccounts accounts = NeverStarted();
        await Assert.ThrowsAsync<ArgumentException>(() => accounts.CreateNodeAsync("a", ""));
        await Assert.ThrowsAsync<ArgumentException>(() => accounts.SetNodePasswordAsync("a", ""));
    }
}
