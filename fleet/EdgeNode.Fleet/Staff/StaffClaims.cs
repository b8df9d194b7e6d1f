namespace EdgeNode.Fleet.Staff;

/// <summary>What the sign-in cookie says besides the name and role claims.</summary>
internal static class StaffClaims
{
    /// <summary>The user's security stamp when the cookie was issued: a password reset changes it and so ends the session.</summary>
    public const string SecurityStamp = "edgenode:security-stamp";

    public const string AuthenticationScheme = "EdgeNode.Staff";
}
