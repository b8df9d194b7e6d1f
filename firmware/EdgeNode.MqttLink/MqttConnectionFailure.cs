namespace EdgeNode.MqttLink;

/// <summary>Why the client is (or last was) not connected. The refusals come from the broker's MQTT 5 CONNACK reason code.</summary>
public enum MqttConnectionFailure
{
    None,
    /// <summary>TCP connection could not be made (DNS, refused, timed out).</summary>
    Unreachable,
    /// <summary>TLS handshake failed, including a certificate that does not chain to a pinned authority.</summary>
    TlsFailure,
    /// <summary>CONNACK 0x84: the broker does not speak MQTT 5.</summary>
    RefusedProtocolVersion,
    /// <summary>CONNACK 0x85: the broker rejected the client id.</summary>
    RefusedIdentifier,
    /// <summary>CONNACK 0x88 or 0x89: the broker is unavailable or busy.</summary>
    ServerUnavailable,
    /// <summary>CONNACK 0x86: bad user name or password.</summary>
    RefusedCredentials,
    /// <summary>CONNACK 0x87 or 0x8A. Mosquitto 2.0 answers a wrong or revoked password with 0x87 too.</summary>
    NotAuthorised,
    /// <summary>The broker sent something MQTT forbids, or refused the connection for another reason; the detail says which.</summary>
    ProtocolViolation,
    /// <summary>No answer to PINGREQ in time.</summary>
    KeepAliveTimeout,
    /// <summary>The connection closed or failed after it was established (or during the handshake); the detail says how.</summary>
    ConnectionLost,
}
