using System.Net;
using EdgeNode.Fleet.Staff;
using EdgeNode.Fleet.Tests.Staff;
using Microsoft.Extensions.Logging;

namespace EdgeNode.Fleet.Tests.Logging;

/// <summary>
/// The log is for operators: a staff member browsing the panel (every page, a form sent, signing out) leaves their
/// events (signed in, user created) and no line per HTTP request, and no antiforgery warning.
/// </summary>
public sealed class OrdinaryBrowsingLogTests
{
    [Fact]
    public async Task Browsing_every_staff_page_logs_no_request_lines_and_no_antiforgery_warning()
    {
        await using var fleet = new StaffFleet();
        await BrowseAsync(fleet);

        var framework = fleet.Log.Lines.Where(line => line.Category.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)).ToList();
        Assert.True(
            !framework.Any(line => line.Category.StartsWith("Microsoft.AspNetCore.Antiforgery", StringComparison.Ordinal) && line.Level >= LogLevel.Warning),
            "Antiforgery warnings:\n" + string.Join('\n', framework.Where(line => line.Category.StartsWith("Microsoft.AspNetCore.Antiforgery", StringComparison.Ordinal) && line.Level >= LogLevel.Warning).Take(5).Select(line => $"{line.Category}: {line.Message}")));
        Assert.True(
            framework.All(line => line.Level >= LogLevel.Warning),
            "Framework lines at Information:\n" + string.Join('\n', framework.Where(line => line.Level < LogLevel.Warning).Take(10).Select(line => $"{line.Category}: {line.Message}")));
        Assert.Contains(fleet.Log.Lines, line => line.Level == LogLevel.Information && line.Message == "Staff user admin signed in (admin)");
        Assert.Contains(fleet.Log.Lines, line => line.Level == LogLevel.Information && line.Message.StartsWith("Staff user odile created", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_operator_can_turn_the_request_lines_back_on()
    {
        await using var fleet = new StaffFleet(new Dictionary<string, string> { ["Logging:LogLevel:Microsoft.AspNetCore"] = "Information" });
        using StaffClient client = fleet.Client();

        using HttpResponseMessage login = await client.GetAsync("/staff/login");

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains(fleet.Log.Lines, line => line.Level == LogLevel.Information && line.Message.Contains("GET http://localhost/staff/login", StringComparison.Ordinal));
    }

    private static async Task BrowseAsync(StaffFleet fleet)
    {
        using StaffClient admin = await fleet.SignedInAsync();
        foreach (StaffEndpoint endpoint in await StaffEndpoint.AllAsync(fleet.Services))
        {
            using HttpResponseMessage page = await admin.GetAsync(endpoint.Path);
            Assert.True(page.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound or HttpStatusCode.Redirect, $"GET {endpoint.Path}: {(int)page.StatusCode}");
        }

        using HttpResponseMessage created = await admin.PostFormAsync("/staff/users?handler=Create", ("userName", "odile"), ("role", StaffRoles.Viewer), ("password", "odile's password"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        using HttpResponseMessage signedOut = await admin.PostFormAsync("/staff/logout");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
    }
}
