using Microsoft.AspNetCore.Authorization;

namespace EdgeNode.Fleet.Staff;

/// <summary>
/// Viewers read, never change: a GET or HEAD passes, any other method needs a technician or an admin, unless the page
/// is marked <see cref="StaffSelfServiceAttribute"/>. Applied to the whole staff folder, so a new page is covered
/// without anyone remembering to.
/// </summary>
internal sealed class ViewersReadOnlyRequirement : AuthorizationHandler<ViewersReadOnlyRequirement>, IAuthorizationRequirement
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ViewersReadOnlyRequirement requirement)
    {
        if (context.User.IsInRole(StaffRoles.Admin) || context.User.IsInRole(StaffRoles.Technician))
        {
            context.Succeed(requirement);
        }
        else if (context.Resource is HttpContext http
            && (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
                || http.GetEndpoint()?.Metadata.GetMetadata<StaffSelfServiceAttribute>() is not null))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
