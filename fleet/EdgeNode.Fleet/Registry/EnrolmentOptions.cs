namespace EdgeNode.Fleet.Registry;

/// <summary>Section "Fleet:Enrolment": what an enrolled node is told about where the broker is.</summary>
public sealed class EnrolmentOptions
{
    public const string SectionName = "Fleet:Enrolment";

    /// <summary>
    /// The broker's name or address as nodes reach it; it must be one the broker certificate names. Empty: the first
    /// host name in Fleet:Broker:TlsNames (else its first address; with none set, this machine's host name).
    /// </summary>
    public string BrokerHost { get; set; } = "";

    /// <summary>The broker's TLS port as nodes reach it; 0: Fleet:Broker:TlsPort.</summary>
    public int BrokerPort { get; set; }
}
