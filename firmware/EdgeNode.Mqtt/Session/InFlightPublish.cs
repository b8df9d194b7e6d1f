namespace EdgeNode.Mqtt.Session;

/// <summary>A QoS 1 PUBLISH awaiting its PUBACK. Kept across reconnects; completed by the PUBACK.</summary>
internal sealed class InFlightPublish(ushort packetId, MqttApplicationMessage message, long sequence)
{
    public ushort PacketId { get; } = packetId;
    public MqttApplicationMessage Message { get; } = message;

    /// <summary>Order of first submission, so resends after a reconnect keep the original order.</summary>
    public long Sequence { get; } = sequence;

    /// <summary>Set once any attempt to write it began; every later attempt carries DUP=1 [MQTT-3.3.1-1].</summary>
    public bool Transmitted { get; set; }

    public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
