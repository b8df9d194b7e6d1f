using EdgeNode.Fleet.Registry;

namespace EdgeNode.Fleet.Public;

/// <summary>A municipality as the public pages show it: its name as written, its URL name, its enabled nodes.</summary>
public sealed record PublicMunicipality(string Name, string Slug, IReadOnlyList<RegisteredNode> Nodes);
