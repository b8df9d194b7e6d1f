namespace EdgeNode.Fleet.Calibration;

public static class FleetCalibrationRegistration
{
    /// <summary>Calibration sets in the fleet's database, sent to the nodes by <see cref="CalibrationSender"/>.</summary>
    public static IHostApplicationBuilder AddFleetCalibration(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CalibrationSender>();
        builder.Services.AddHostedService(services => services.GetRequiredService<CalibrationSender>());
        return builder;
    }
}
