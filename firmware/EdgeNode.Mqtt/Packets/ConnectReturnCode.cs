namespace EdgeNode.Mqtt.Packets;

/// <summary>CONNACK return codes (3.2.2.3, Table 3.1); 6-255 are reserved.</summary>
internal enum ConnectReturnCode : byte
{
    Accepted = 0,
    UnacceptableProtocolVersion = 1,
    IdentifierRejected = 2,
    ServerUnavailable = 3,
    BadUserNameOrPassword = 4,
    NotAuthorized = 5,
}
