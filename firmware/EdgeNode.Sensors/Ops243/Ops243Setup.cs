namespace EdgeNode.Sensors.Ops243;

/// <summary>
/// Start-up talk with the sensor: who are you (<c>?P</c>, <c>?V</c>), then the settings the counter relies
/// on, confirmed by asking the unit back. Everything else that arrives meanwhile is kept as evidence, so a
/// failure can say what is wrong (see <see cref="StartupEvidence"/>).
/// </summary>
internal sealed class Ops243Setup(Ops243Link link, TimeProvider time, Ops243Settings settings, string sensor, string portName)
{
    private const int Attempts = 3;

    // Gives the sensor's command parser time between commands, as OmniPreSense's own examples do.
    private static readonly TimeSpan CommandSpacing = TimeSpan.FromMilliseconds(100);

    public async Task<Ops243Identity> IdentifyAsync(CancellationToken cancellationToken)
    {
        var evidence = new StartupEvidence();
        for (int attempt = 0; attempt < Attempts; attempt++)
        {
            string? product = await QueryAsync(Ops243Commands.QueryProduct, Ops243Commands.ProductKey, evidence, cancellationToken).ConfigureAwait(false);
            if (product is null)
            {
                continue;
            }

            string? version = await QueryAsync(Ops243Commands.QueryVersion, Ops243Commands.VersionKey, evidence, cancellationToken).ConfigureAwait(false);
            var identity = new Ops243Identity(product, version);
            if (!identity.IsSpeedRadar)
            {
                throw new SensorFaultException(SensorFaultKind.NotPresent, sensor,
                    $"{sensor}: the device on {portName} is \"{product}\", not an OPS24x Doppler speed radar. "
                    + "Fit an OPS243-A (a range-only -B model cannot measure speed) or correct the configured port.");
            }

            return identity;
        }

        throw evidence.ToFault(sensor, portName);
    }

    public async Task ConfigureAsync(CancellationToken cancellationToken)
    {
        string[] commands =
        [
            Ops243Commands.UnitsKilometresPerHour, Ops243Commands.JsonOff, Ops243Commands.SpeedReportOn,
            Ops243Commands.OneReportPerLine, Ops243Commands.SampleRate20k, Ops243Commands.OneDecimalPlace,
            Ops243Commands.BothDirections, Ops243Commands.MinimumSpeed(settings.MinimumSpeedKilometresPerHour),
        ];
        foreach (string command in commands)
        {
            link.Send(command);
            await Task.Delay(CommandSpacing, time, cancellationToken).ConfigureAwait(false);
        }

        var evidence = new StartupEvidence();
        for (int attempt = 0; attempt < Attempts; attempt++)
        {
            string? units = await QueryAsync(Ops243Commands.QueryUnits, Ops243Commands.UnitsKey, evidence, cancellationToken).ConfigureAwait(false);
            if (units == Ops243Commands.KilometresPerHourUnitName)
            {
                return;
            }

            if (units is not null)
            {
                throw new SensorFaultException(SensorFaultKind.NotAnswering, sensor,
                    $"{sensor} does not take its configuration: asked for km/h (UK) it still reports \"{units}\". "
                    + "Power-cycle the sensor; replace it if this persists.");
            }
        }

        throw evidence.ToFault(sensor, portName);
    }

    /// <summary>Sends a query and waits one answer timeout for the answer carrying <paramref name="key"/>; everything else is evidence.</summary>
    private async Task<string?> QueryAsync(string command, string key, StartupEvidence evidence, CancellationToken cancellationToken)
    {
        link.Send(command);
        DateTimeOffset until = time.GetUtcNow() + settings.AnswerTimeout;
        var lines = new List<TimedLine>();
        while (time.GetUtcNow() < until)
        {
            lines.Clear();
            if (!await link.ReadAsync(until, lines, cancellationToken).ConfigureAwait(false))
            {
                break;
            }

            foreach (TimedLine timed in lines)
            {
                evidence.Record(timed.Line);
                if (timed.Line.Kind == Ops243LineKind.Answer
                    && Ops243LineParser.TryGetAnswerValue(timed.Line.Text ?? "", key, out string value))
                {
                    return value;
                }
            }
        }

        return null;
    }
}
