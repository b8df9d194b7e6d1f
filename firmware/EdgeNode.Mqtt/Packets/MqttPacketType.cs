namespace EdgeNode.Mqtt.Packets;

/// <summary>The high nibble of the fixed header (MQTT 3.1.1, 2.2.1, Table 2.1). 0 and 15 are reserved.</summary>
internal enum MqttPacketType : byte
{
    Connect = 1,
    ConnAck = 2,
    Publish = 3,
    PubAck = 4,
    PubRec = 5,
    PubRel = 6,
    PubComp = 7,
    Subscribe = 8,
    SubAck = 9,
    Unsubscribe = 10,
    UnsubAck = 11,
    PingReq = 12,
    PingResp = 13,
    Disconnect = 14,
}
