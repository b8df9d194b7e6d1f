namespace EdgeNode.Fleet.Logging;

/// <summary>
/// What the fleet's log says by default: its own events from Information up, the framework's only from Warning up (at
/// Information it writes several lines for every HTTP request, which buries the operators' events). Defaults, not
/// rules: any configuration source overrides them, e.g. <c>Logging__LogLevel__Microsoft.AspNetCore=Information</c>
/// to see each request again while investigating.
/// </summary>
public static class FleetLoggingRegistration
{
    public static readonly IReadOnlyDictionary<string, string?> Defaults = new Dictionary<string, string?>
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
    };

    public static IHostApplicationBuilder AddFleetLogging(this IHostApplicationBuilder builder)
    {
        // First, so that every other source (appsettings, environment, command line, a test's settings) wins.
        builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource { InitialData = Defaults });
        return builder;
    }
}
