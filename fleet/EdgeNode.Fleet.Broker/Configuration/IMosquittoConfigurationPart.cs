namespace EdgeNode.Fleet.Broker.Configuration;

/// <summary>
/// Lines another part of the fleet adds to the supervised broker's configuration (the dynamic-security plugin, say).
/// Register each as a singleton of this interface; they are written after the general settings, before the listeners.
/// They may not open listeners nor allow anonymous clients: those are the writer's alone.
/// </summary>
public interface IMosquittoConfigurationPart
{
    IEnumerable<string> Lines(string brokerDirectory);
}
