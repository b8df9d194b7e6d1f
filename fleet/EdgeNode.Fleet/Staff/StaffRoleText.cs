using EdgeNode.Fleet.Localisation;

namespace EdgeNode.Fleet.Staff;

/// <summary>A role in the staff catalogue's words; the choice of key lives beside the roles, as MonitoringText does for statuses.</summary>
public static class StaffRoleText
{
    public static string Role(this StaffText text, string role)
    {
        ArgumentNullException.ThrowIfNull(text);
        return role switch
        {
            StaffRoles.Admin => text.RoleAdmin,
            StaffRoles.Technician => text.RoleTechnician,
            StaffRoles.Viewer => text.RoleViewer,
            _ => role,
        };
    }
}
