namespace EdgeNode.Fleet.Staff;

/// <summary>The three staff roles, as stored and as put in the sign-in cookie's role claim.</summary>
public static class StaffRoles
{
    /// <summary>Everything, including managing staff users.</summary>
    public const string Admin = "admin";

    /// <summary>Changes nodes (enrolment, calibration, rollouts, alerts) but not staff users.</summary>
    public const string Technician = "technician";

    /// <summary>Reads everything staff can see, changes nothing.</summary>
    public const string Viewer = "viewer";

    public static IReadOnlyList<string> All { get; } = [Admin, Technician, Viewer];

    public static bool IsKnown(string? role) => role is Admin or Technician or Viewer;
}
