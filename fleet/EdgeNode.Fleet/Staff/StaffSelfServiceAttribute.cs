namespace EdgeNode.Fleet.Staff;

/// <summary>
/// On a staff page model whose POST handlers change only the signed-in user's own session or account (signing out,
/// say): viewers may post there too. Everywhere else under /staff a viewer's POST is refused with 403.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class StaffSelfServiceAttribute : Attribute;
