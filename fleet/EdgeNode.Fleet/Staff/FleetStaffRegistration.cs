using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;

namespace EdgeNode.Fleet.Staff;

/// <summary>
/// The staff panel's sign-in, roles and users: cookie authentication, the policies in <see cref="StaffPolicies"/>, the
/// authorization of the whole Pages/Staff folder, the first admin. Needs <c>AddFleetStorage</c> and <c>AddFleetAudit</c>.
/// </summary>
public static class FleetStaffRegistration
{
    public const string LoginPath = "/staff/login";

    public static IHostApplicationBuilder AddFleetStaff(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StaffOptions>()
            .Bind(builder.Configuration.GetSection(StaffOptions.SectionName))
            .Validate(options => options.MaxFailedSignIns >= 1, $"{StaffOptions.SectionName}:MaxFailedSignIns must be at least 1")
            .Validate(options => options.LockoutDuration > TimeSpan.Zero, $"{StaffOptions.SectionName}:LockoutDuration must be positive (e.g. 00:15:00)")
            .Validate(options => options.IdleTimeout > TimeSpan.Zero, $"{StaffOptions.SectionName}:IdleTimeout must be positive (e.g. 08:00:00)")
            .Validate(options => options.MinPasswordLength >= 8, $"{StaffOptions.SectionName}:MinPasswordLength must be at least 8")
            .Validate(options => options.SignInLimitPerClient >= 1, $"{StaffOptions.SectionName}:SignInLimitPerClient must be at least 1")
            .Validate(options => options.SignInLimitWindow > TimeSpan.Zero, $"{StaffOptions.SectionName}:SignInLimitWindow must be positive (e.g. 00:05:00)")
            .ValidateOnStart();
        builder.Services.AddSingleton(services => services.GetRequiredService<IOptions<StaffOptions>>().Value);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<StaffPasswords>();
        builder.Services.AddSingleton<SignInLockout>();
        builder.Services.AddSingleton<StaffSignIn>();
        builder.Services.AddSingleton<StaffUserAdministration>();
        builder.Services.AddSingleton<StaffCookieEvents>();

        // After the store's initialisation (hosted services start in registration order), so the table exists.
        builder.Services.AddHostedService<FirstAdminCreation>();

        builder.Services.AddAuthentication(StaffClaims.AuthenticationScheme)
            .AddCookie(StaffClaims.AuthenticationScheme, options =>
            {
                options.Cookie.Name = "EdgeNode.Staff";
                options.Cookie.HttpOnly = true;
                // Lax, not Strict: a link to /staff/alerts in an alert e-mail opens the page signed in; cross-site POSTs
                // still come without the cookie, and every POST needs an antiforgery token anyway.
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.LoginPath = LoginPath;
                options.LogoutPath = "/staff/logout";
                options.AccessDeniedPath = "/staff/denied";
                options.SlidingExpiration = true;
                options.EventsType = typeof(StaffCookieEvents);
            });
        builder.Services.AddOptions<CookieAuthenticationOptions>(StaffClaims.AuthenticationScheme)
            .Configure<StaffOptions>((cookie, staff) => cookie.ExpireTimeSpan = staff.IdleTimeout);

        // The antiforgery cookie stays SameSite=Strict and HttpOnly (the framework's defaults) and becomes Secure over
        // HTTPS like the session cookie; behind a proxy, "HTTPS" is what its X-Forwarded-Proto says (WebSecurity).
        builder.Services.AddAntiforgery(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);

        builder.Services.AddSingleton<IAuthorizationHandler, ViewersReadOnlyRequirement>();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(StaffPolicies.Staff, policy => policy.RequireAuthenticatedUser().RequireRole(StaffRoles.All))
            .AddPolicy(StaffPolicies.Technician, policy => policy.RequireAuthenticatedUser().RequireRole(StaffRoles.Admin, StaffRoles.Technician))
            .AddPolicy(StaffPolicies.Admin, policy => policy.RequireAuthenticatedUser().RequireRole(StaffRoles.Admin))
            .AddPolicy(StaffPolicies.ChangesNeedTechnician, policy => policy.RequireAuthenticatedUser().AddRequirements(new ViewersReadOnlyRequirement()));

        // French text as written ("Désactivé", not "D&#xE9;sactiv&#xE9;"): lighter pages, readable source; escaping of
        // markup characters is unchanged.
        builder.Services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddRazorPages(options =>
        {
            options.Conventions.AuthorizeFolder("/Staff", StaffPolicies.Staff);
            options.Conventions.AddFolderApplicationModelConvention(
                "/Staff", page => page.EndpointMetadata.Add(new AuthorizeAttribute(StaffPolicies.ChangesNeedTechnician)));
            options.Conventions.AllowAnonymousToPage("/Staff/Login");
            options.Conventions.AddPageApplicationModelConvention(
                "/Staff/Login", page => page.EndpointMetadata.Add(new EnableRateLimitingAttribute(SignInThrottle.PolicyName)));
        });

        // The public side's rate limiter (PublicRateLimiting) with one more policy; its middleware, mapped by
        // MapFleetPublic before authentication, applies both.
        builder.Services.AddRateLimiter(limiter => limiter.AddPolicy<string, SignInThrottle>(SignInThrottle.PolicyName));

        // Cookies and antiforgery tokens are sealed with data-protection keys: kept in the data directory when one is
        // set, so that a restart does not sign every staff user out.
        if (builder.Configuration[Broker.FleetDataOptions.SettingName] is { Length: > 0 } dataDirectory)
        {
            builder.Services.AddDataProtection()
                .SetApplicationName("EdgeNode.Fleet")
                .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "data-protection-keys")));
        }

        return builder;
    }

    /// <summary>Authentication, authorization and the Razor Pages (staff and others).</summary>
    public static WebApplication MapFleetStaff(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/staff", StringComparison.OrdinalIgnoreCase))
            {
                // Staff pages show who may do what: never kept by a browser or a proxy (the back button after signing
                // out on a shared office PC). no-cache beside no-store: the antiforgery token of every staff form
                // demands it, and otherwise overrides the header with a Warning in the log on every page view. The
                // headers every response carries are WebSecurity's.
                context.Response.Headers.CacheControl = "no-cache, no-store";
            }

            return next(context);
        });

        // Razor Pages are mapped once for every concern; another concern may have mapped them already.
        if (!((IEndpointRouteBuilder)app).DataSources.Any(source => source.GetType().Name == "PageActionEndpointDataSource"))
        {
            app.MapRazorPages();
        }

        return app;
    }
}
