using EdgeNode.Fleet.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeNode.Fleet.Tests.Staff;

/// <summary>One staff page and its POST handlers, found from the fleet's own endpoints (so a new page is tested without being listed).</summary>
internal sealed record StaffEndpoint(string ViewEnginePath, string Path, IReadOnlyList<string> PostUrls, bool AllowsAnonymous, bool SelfService)
{
    public override string ToString() => ViewEnginePath;

    public static async Task<IReadOnlyList<StaffEndpoint>> AllAsync(IServiceProvider services)
    {
        var found = new Dictionary<string, StaffEndpoint>(StringComparer.Ordinal);
        PageLoader loader = services.GetRequiredService<PageLoader>();
        foreach (RouteEndpoint endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } page
                || !page.ViewEnginePath.StartsWith("/Staff/", StringComparison.OrdinalIgnoreCase)
                || found.ContainsKey(page.ViewEnginePath))
            {
                continue;
            }

            CompiledPageActionDescriptor compiled = page as CompiledPageActionDescriptor ?? await loader.LoadAsync(page, endpoint.Metadata);
            string path = Concrete(endpoint.RoutePattern.RawText ?? page.ViewEnginePath);
            string[] posts = [.. compiled.HandlerMethods
                .Where(handler => string.Equals(handler.HttpMethod, HttpMethods.Post, StringComparison.OrdinalIgnoreCase))
                .Select(handler => handler.Name is null ? path : $"{path}?handler={handler.Name}")
                .Distinct(StringComparer.Ordinal)];
            found[page.ViewEnginePath] = new StaffEndpoint(
                page.ViewEnginePath,
                path,
                posts,
                endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null,
                endpoint.Metadata.GetMetadata<StaffSelfServiceAttribute>() is not null);
        }

        Assert.True(found.Count >= 4, "Fewer staff pages than login, logout, users and audit: " + string.Join(", ", found.Keys));
        return [.. found.Values.OrderBy(endpoint => endpoint.ViewEnginePath, StringComparer.Ordinal)];
    }

    /// <summary>"/staff/nodes/{id}" becomes "/staff/nodes/x": any value will do to reach authorization, which runs first.</summary>
    private static string Concrete(string pattern)
    {
        string path = System.Text.RegularExpressions.Regex.Replace(pattern, "\\{[^}]*\\}", "x");
        return "/" + path.TrimStart('/');
    }
}
