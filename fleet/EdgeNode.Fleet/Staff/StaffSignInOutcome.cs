namespace EdgeNode.Fleet.Staff;

public enum StaffSignInOutcome
{
    SignedIn,

    /// <summary>
    /// Unknown user, wrong password, disabled user, or a name locked out from this address (<see cref="SignInLockout"/>):
    /// the page says the same for all.
    /// </summary>
    Refused,
}
