namespace EdgeNode.Fleet.Broker.Accounts;

/// <summary>One line of a role: an <see cref="AclType"/>, a topic or filter, and whether it allows or denies.</summary>
public sealed record RoleAcl(string Type, string Topic, bool Allow = true);
