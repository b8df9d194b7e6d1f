namespace EdgeNode.Sensors;

/// <summary>
/// How long a serial sensor may take to answer a command, and when the command is sent again while no answer
/// has come. Each driver sets its own from its datasheet; <see cref="SerialFrameLink{TFrame}"/> follows them.
/// </summary>
/// <param name="AnswerTimeout">How long after the first send an intact answer must have arrived; then the link says why none did.</param>
/// <param name="ResendAfter">How long after each send the command is sent again, while no answer has come and the timeout allows.</param>
/// <param name="MaxResends">How many times the command is sent again at most; null for as often as the timeout allows.</param>
internal sealed record SerialExchangeTiming(TimeSpan AnswerTimeout, TimeSpan ResendAfter, int? MaxResends)
{
    /// <summary>
    /// When to send the command again, now that it has been sent <paramref name="sends"/> time(s), the last at
    /// <paramref name="sentAt"/>; null when it is not to be sent again.
    /// </summary>
    public DateTimeOffset? NextSend(DateTimeOffset sentAt, int sends) =>
        MaxResends is { } most && sends > most ? null : sentAt + ResendAfter;
}
