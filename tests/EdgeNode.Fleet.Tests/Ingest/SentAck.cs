using EdgeNode.Protocol.Messages;

namespace EdgeNode.Fleet.Tests.Ingest;

/// <summary>An ack the pipeline sent, with what the store held at that moment.</summary>
/// <param name="Committed">Whether the store already had what the ack speaks for (rows, alert or dead letter).</param>
/// <param name="CommitsBefore">Successful commits so far.</param>
internal sealed record SentAck(AckMessage Ack, bool Committed, int CommitsBefore);
