namespace EdgeNode.Fleet.Broker.Supervision;

/// <summary>Where the supervised broker is in its life, as the health check reports it.</summary>
public enum BrokerPhase
{
    /// <summary>Fleet:Broker:Mode is External: the fleet does not run the broker.</summary>
    External,
    Starting,
    Running,
    /// <summary>It died (or never accepted connections) and is started again after a back-off.</summary>
    Restarting,
    /// <summary>Mosquitto's program is not on this machine; nothing will change that but installing it.</summary>
    NotInstalled,
    /// <summary>The fleet could not prepare its files (TLS, configuration); the detail says why.</summary>
    Failed,
    Stopped,
}
