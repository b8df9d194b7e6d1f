namespace EdgeNode.Fleet.Staff;

public enum StaffSignInOutcome
{
    SignedIn,

    /// <summary>Unknown user, wrong password or disabled user: the page says the same for all three.</summary>
    Refused,

    /// <summary>Too many wrong passwords: refused until <see cref="StaffSignInResult.LockedUntil"/>, even with the right one.</summary>
    LockedOut,
}
