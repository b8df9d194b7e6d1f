namespace EdgeNode.Browser.Tests;

/// <summary>Every staff page an admin opens, over <see cref="MonitoredNodes"/>: the node page of the node with the longest values.</summary>
public static class StaffPagePaths
{
    public static TheoryData<string> All => new(
        "/staff",
        "/staff/nodes/" + MonitoredNodes.SensorFault,
        "/staff/nodes/" + MonitoredNodes.InService,
        "/staff/alerts",
        "/staff/enrolment",
        "/staff/users",
        "/staff/audit",
        "/staff/account");
}
