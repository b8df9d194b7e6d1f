namespace EdgeNode.Fleet.Broker.Accounts;

/// <summary>
/// The dynamic-security plugin's ACL types, spelled as its JSON spells them. "Send" is client to broker (a PUBLISH the
/// client makes); "Receive" is broker to client (a PUBLISH delivered to it, checked against the real topic even when it
/// came through a shared subscription). "Pattern" types compare the requested filter with the ACL's wildcards.
/// </summary>
public static class AclType
{
    public const string PublishClientSend = "publishClientSend";
    public const string PublishClientReceive = "publishClientReceive";
    public const string SubscribePattern = "subscribePattern";
    public const string UnsubscribePattern = "unsubscribePattern";
}
