namespace EdgeNode.Protocol.Topics;

/// <summary>A topic of the tree, taken apart. <see cref="Up"/> is meaningful only for <see cref="TopicKind.Up"/>, <see cref="Down"/> only for <see cref="TopicKind.Down"/>.</summary>
public readonly record struct ParsedTopic(string NodeId, TopicKind Kind, UpChannel Up, DownChannel Down);
