namespace EdgeNode.Fleet.Broker;

/// <summary>Who runs the MQTT broker the fleet and its nodes talk through.</summary>
public enum BrokerMode
{
    /// <summary>Someone else runs it (a broker on another machine, a cluster, a test's own Mosquitto); the fleet only connects.</summary>
    External,

    /// <summary>The fleet writes a Mosquitto configuration, its TLS files, and runs Mosquitto as its child process.</summary>
    Supervised,
}
