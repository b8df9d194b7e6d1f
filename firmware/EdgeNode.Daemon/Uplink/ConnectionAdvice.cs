using EdgeNode.MqttLink;

namespace EdgeNode.Daemon.Uplink;

/// <summary>Says why the node is not connected in words a technician on a ladder can act on.</summary>
public static class ConnectionAdvice
{
    public static string? For(MqttConnectionState state, UplinkOptions options)
    {
        if (state.IsConnected)
        {
            return null;
        }
        string where = $"{options.Broker}:{options.Port}";
        string advice = state.LastFailure switch
        {
            MqttConnectionFailure.None => $"connecting to {where}",
            MqttConnectionFailure.Unreachable => $"cannot reach the broker at {where}: check the node's network (SIM, antenna, Wi-Fi) and Uplink:Broker/Port",
            MqttConnectionFailure.TlsFailure => $"TLS with {where} failed: the broker's certificate is not signed by the CA in Uplink:CaFile or does not name {options.Broker}",
            MqttConnectionFailure.RefusedCredentials or MqttConnectionFailure.NotAuthorised =>
                "the broker refused the node's credential: check Uplink:Username/Password, or ask the fleet's staff whether the node was disabled or its credential rotated",
            MqttConnectionFailure.RefusedIdentifier => "the broker refused the node id as client id: check Node:Id",
            MqttConnectionFailure.RefusedProtocolVersion => "the broker does not speak MQTT 5: Mosquitto 2.0 or later is needed",
            MqttConnectionFailure.ServerUnavailable => $"the broker at {where} says it is unavailable; the node retries",
            MqttConnectionFailure.ProtocolViolation => "the broker sent something that is not valid MQTT; the node reconnects",
            MqttConnectionFailure.KeepAliveTimeout => "the connection went silent (keep-alive expired); the node reconnects",
            _ => "the connection dropped; the node reconnects",
        };
        return state.LastFailureDetail is { Length: > 0 } detail && state.LastFailure != MqttConnectionFailure.None ? $"{advice} ({detail})" : advice;
    }
}
