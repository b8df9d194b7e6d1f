namespace EdgeNode.Fleet.Staff;

/// <param name="User">The user, when signed in.</param>
public sealed record StaffSignInResult(StaffSignInOutcome Outcome, StaffUser? User = null);
