namespace EdgeNode.Protocol.Codec;

/// <summary>
/// A payload that does not follow the protocol. The message says what is wrong in words fit for the fleet's
/// dead-letter table; it is the only exception the decoder lets out.
/// </summary>
public sealed class PayloadRejectedException(string message) : Exception(message);
