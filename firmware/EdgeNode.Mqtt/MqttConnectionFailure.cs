namespace EdgeNode.Mqtt;

/// <summary>Why the client is (or last was) not connected.</summary>
public enum MqttConnectionFailure
{
    None,
    /// <summary>TCP connection could not be made (DNS, refused, timed out).</summary>
    Unreachable,
    /// <summary>TLS handshake failed, including a certificate that does not chain to a pinned authority.</summary>
    TlsFailure,
    /// <summary>CONNACK 0x01: the broker does not speak MQTT 3.1.1.</summary>
    RefusedProtocolVersion,
    /// <summary>CONNACK 0x02: the broker rejected the client id.</summary>
    RefusedIdentifier,
    /// <summary>CONNACK 0x03.</summary>
    ServerUnavailable,
    /// <summary>CONNACK 0x04: bad user name or password.</summary>
    RefusedCredentials,
    /// <summary>CONNACK 0x05. Mosquitto 2.0 answers a wrong password on MQTT 3.1.1 with this code too.</summary>
    NotAuthorised,
    /// <summary>The broker sent something MQTT 3.1.1 forbids; the detail names the clause.</summary>
    ProtocolViolation,
    /// <summary>No answer to PINGREQ in time.</summary>
    KeepAliveTimeout,
    /// <summary>The connection closed or failed after it was established (or during the handshake).</summary>
    ConnectionLost,
}
