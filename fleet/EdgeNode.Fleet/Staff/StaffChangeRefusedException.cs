namespace EdgeNode.Fleet.Staff;

/// <summary>An admin's change that was not made, with the reason in words for the page (French).</summary>
public sealed class StaffChangeRefusedException(string message) : Exception(message);
