using System.Security.Claims;
using EdgeNode.Fleet.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace EdgeNode.Fleet.Tests.Staff;

/// <summary>
/// The folder-wide rule on its own, for the pages that do not exist yet: the users page asks for Admin anyway, so the
/// in-process tests cannot show that this rule alone stops a viewer.
/// </summary>
public sealed class ViewersReadOnlyRequirementTests
{
    [Theory]
    [InlineData(StaffRoles.Viewer, "GET", true)]
    [InlineData(StaffRoles.Viewer, "HEAD", true)]
    [InlineData(StaffRoles.Viewer, "POST", false)]
    [InlineData(StaffRoles.Viewer, "PUT", false)]
    [InlineData(StaffRoles.Viewer, "DELETE", false)]
    [InlineData(StaffRoles.Technician, "POST", true)]
    [InlineData(StaffRoles.Admin, "POST", true)]
    [InlineData("", "POST", false)]
    public async Task Viewers_may_only_read(string role, string method, bool allowed)
    {
        Assert.Equal(allowed, await AuthorizeAsync(role, method, selfService: false));
    }

    [Fact]
    public async Task A_viewer_may_post_to_a_self_service_page()
    {
        Assert.True(await AuthorizeAsync(StaffRoles.Viewer, "POST", selfService: true));
    }

    private static async Task<bool> AuthorizeAsync(string role, string method, bool selfService)
    {
        var requirement = new ViewersReadOnlyRequirement();
        var http = new DefaultHttpContext();
        http.Request.Method = method;
        http.SetEndpoint(new Endpoint(null, selfService ? new EndpointMetadataCollection(new StaffSelfServiceAttribute()) : EndpointMetadataCollection.Empty, "page"));
        Claim[] claims = role.Length == 0 ? [] : [new Claim(ClaimTypes.Name, "someone"), new Claim(ClaimTypes.Role, role)];
        var user = new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
        var context = new AuthorizationHandlerContext([requirement], user, http);

        await requirement.HandleAsync(context);

        return context.HasSucceeded;
    }
}
