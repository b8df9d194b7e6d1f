namespace EdgeNode.Fleet.Staff;

/// <summary>The audit log's action names for staff users and sign-in.</summary>
public static class StaffAuditActions
{
    public const string UserCreate = "user.create";
    public const string UserRole = "user.role";
    public const string UserPasswordReset = "user.password-reset";
    public const string UserPasswordChange = "user.password-change";
    public const string UserDisable = "user.disable";
    public const string UserEnable = "user.enable";
    public const string LockedOut = "staff.locked-out";
}
