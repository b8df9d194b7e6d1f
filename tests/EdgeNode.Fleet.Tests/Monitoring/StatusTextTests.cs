using EdgeNode.Fleet.Monitoring;
using EdgeNode.Protocol.Messages;

namespace EdgeNode.Fleet.Tests.Monitoring;

/// <summary>Staff read faults in French, never the protocol's enum names.</summary>
public sealed class StatusTextTests
{
    public static TheoryData<WireFault> Faults => [.. Enum.GetValues<WireFault>()];

    [Theory]
    [MemberData(nameof(Faults))]
    public void Every_fault_the_protocol_carries_has_french_words_and_reads_the_same_from_the_stored_name(WireFault fault)
    {
        string label = StatusText.Label(fault);

        Assert.NotEqual(fault.ToString(), label);
        Assert.Equal(label, StatusText.Fault(fault.ToString()));
    }

    [Fact]
    public void Distinct_faults_read_differently_and_an_unknown_stored_name_is_shown_as_stored()
    {
        Assert.Equal(Enum.GetValues<WireFault>().Length, Enum.GetValues<WireFault>().Select(StatusText.Label).Distinct().Count());
        Assert.Equal("Overheating", StatusText.Fault("Overheating"));
        Assert.Equal("", StatusText.Fault(null));
    }
}
