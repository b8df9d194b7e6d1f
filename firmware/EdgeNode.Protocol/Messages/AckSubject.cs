namespace EdgeNode.Protocol.Messages;

public enum AckSubject : byte
{
    Batch = 1,
    Alert = 2,
}
