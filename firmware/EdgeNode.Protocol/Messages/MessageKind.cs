namespace EdgeNode.Protocol.Messages;

/// <summary>The second byte of every payload, so a payload published on the wrong topic is recognised as such.</summary>
public enum MessageKind : byte
{
    Batch = 1,
    Health = 2,
    Alert = 3,
    Ack = 4,
    Config = 5,
    ConfigApplied = 6,
    Status = 7,
}
