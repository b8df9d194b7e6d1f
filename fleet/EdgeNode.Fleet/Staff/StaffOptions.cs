namespace EdgeNode.Fleet.Staff;

/// <summary>Section "Fleet:Staff": sign-in, lockout and the first admin.</summary>
public sealed class StaffOptions
{
    public const string SectionName = "Fleet:Staff";

    /// <summary>
    /// The password of the first admin ("admin"), created at the first start when there is no staff user. Empty: a
    /// random one is generated and printed once in the log. Ignored once any user exists.
    /// </summary>
    public string InitialAdminPassword { get; set; } = "";

    /// <summary>
    /// Failed sign-ins in a row for one user name from one client address that refuse that name from that address
    /// (<see cref="SignInLockout"/>); other addresses are not affected.
    /// </summary>
    public int MaxFailedSignIns { get; set; } = 5;

    /// <summary>How long a lockout lasts; an admin's password reset lifts it sooner.</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Sign-in attempts (POSTs of the login form, right or wrong) one client address may make per
    /// <see cref="SignInLimitWindow"/>, whatever user names it tries; past it, 429 until the window ends. Beside the
    /// lockout per user and address, which one address trying one password on many users never reaches. An office behind one
    /// address shares it.
    /// </summary>
    public int SignInLimitPerClient { get; set; } = 10;

    public TimeSpan SignInLimitWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A session ends after this long without a request.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromHours(8);

    /// <summary>The shortest password an admin may set.</summary>
    public int MinPasswordLength { get; set; } = 12;
}
