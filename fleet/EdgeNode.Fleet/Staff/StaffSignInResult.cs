namespace EdgeNode.Fleet.Staff;

/// <param name="User">The user, when signed in.</param>
/// <param name="LockedUntil">When the lockout ends, when locked out.</param>
public sealed record StaffSignInResult(StaffSignInOutcome Outcome, StaffUser? User = null, DateTimeOffset? LockedUntil = null);
