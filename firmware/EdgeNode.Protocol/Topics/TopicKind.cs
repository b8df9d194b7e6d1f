namespace EdgeNode.Protocol.Topics;

public enum TopicKind
{
    Up,
    Down,
    Status,
}
