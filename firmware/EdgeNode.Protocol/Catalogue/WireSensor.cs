namespace EdgeNode.Protocol.Catalogue;

/// <summary>A sensor a node may name in its windows, and the instrument behind the name.</summary>
/// <param name="Name">The name on the wire, in the node's configuration and in open data, e.g. <c>bme280</c>.</param>
/// <param name="Model">The maker's part and how it measures, so that a reuser of open data knows a low-cost optical
/// particle counter from a reference analyser.</param>
public sealed record WireSensor(string Name, string Model);
