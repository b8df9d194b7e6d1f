namespace EdgeNode.Fleet.Localisation;

public static class FleetLocalisationRegistration
{
    /// <summary>
    /// The staff panel's words for <c>@inject StaffText</c> and page models. The public pages choose theirs per request
    /// (<see cref="PublicLanguage"/>), so they are not registered.
    /// </summary>
    public static IHostApplicationBuilder AddFleetLocalisation(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(StaffText.French);
        return builder;
    }
}
