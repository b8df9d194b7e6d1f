using EdgeNode.Fleet.Public;
using Microsoft.OpenApi;

namespace EdgeNode.Fleet.OpenData;

/// <summary>
/// Open data (<see cref="OpenDataEndpoints"/>) and its description at /openapi/v1.json. Rate limiting, compression and
/// the shared settings come from <see cref="FleetPublicRegistration"/>, which must be added too.
/// </summary>
public static class FleetOpenDataRegistration
{
    public static IHostApplicationBuilder AddFleetOpenData(this IHostApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi("v1", options =>
        {
            // The document describes the open data, not whatever else the fleet maps (health, staff, language switch).
            options.ShouldInclude = description => description.RelativePath?.StartsWith(OpenDataEndpoints.Prefix.TrimStart('/'), StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "EdgeNode open data",
                    Version = "v1",
                    Description = "Air-quality and traffic measurements of the municipality's EdgeNode sensors, under the Licence Ouverte / Open Licence 2.0 (Etalab). "
                        + "Rate-limited per client IP: past the limit, 429 with Retry-After.",
                    License = new OpenApiLicense { Name = OpenDataLicence.Etalab20.Name, Url = new Uri(OpenDataLicence.Etalab20.Url) },
                };
                return Task.CompletedTask;
            });
        });
        return builder;
    }

    public static WebApplication MapFleetOpenData(this WebApplication app)
    {
        app.MapOpenDataEndpoints();
        app.MapOpenApi().RequireRateLimiting(PublicRateLimiting.PolicyName).AllowAnonymous();
        return app;
    }
}
