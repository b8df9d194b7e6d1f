using EdgeNode.Fleet.Localisation;
using EdgeNode.Protocol.Messages;

namespace EdgeNode.Fleet.Tests.Localisation;

/// <summary>Staff read faults in French, never the protocol's enum names.</summary>
public sealed class StaffTextTests
{
    public static TheoryData<WireFault> Faults => [.. Enum.GetValues<WireFault>()];

    [Theory]
    [MemberData(nameof(Faults))]
    public void Every_fault_the_protocol_carries_has_french_words_and_reads_the_same_from_the_stored_name(WireFault fault)
    {
        string label = StaffText.French.Fault(fault);

        Assert.NotEqual(fault.ToString(), label);
        Assert.Equal(label, StaffText.French.StoredFault(fault.ToString()));
    }

    [Fact]
    public void Distinct_faults_read_differently_and_an_unknown_stored_name_is_shown_as_stored()
    {
        Assert.Equal(Enum.GetValues<WireFault>().Length, Enum.GetValues<WireFault>().Select(StaffText.French.Fault).Distinct().Count());
        Assert.Equal("Overheating", StaffText.French.StoredFault("Overheating"));
        Assert.Equal("", StaffText.French.StoredFault(null));
    }
}
