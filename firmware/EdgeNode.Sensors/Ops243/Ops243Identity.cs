namespace EdgeNode.Sensors.Ops243;

/// <summary>What the sensor said it is, from <c>?P</c> and <c>?V</c> (UM-003-A p.7), for the self-test and the log.</summary>
/// <param name="Product">E.g. "OPS243 Doppler".</param>
/// <param name="FirmwareVersion">E.g. "1.3.1", or null when the sensor did not answer <c>?V</c>.</param>
public sealed record Ops243Identity(string Product, string? FirmwareVersion)
{
    /// <summary>
    /// True for an OmniPreSense OPS24x that measures speed. The OPS242 answers "OMPS242A" (OPS-UM-001-C p.5),
    /// the OPS243-A "OPS243 Doppler"; the FMCW-only "-B" models measure range, not speed, so they cannot count
    /// traffic and are refused.
    /// </summary>
    public bool IsSpeedRadar
    {
        get
        {
            string product = Product.ToUpperInvariant();
            bool ops24x = product.Contains("OPS24", StringComparison.Ordinal) || product.Contains("OMPS24", StringComparison.Ordinal);
            bool rangeOnly = (product.Contains("FMCW", StringComparison.Ordinal) || product.Contains("-B", StringComparison.Ordinal))
                && !product.Contains("DOPPLER", StringComparison.Ordinal);
            return ops24x && !rangeOnly;
        }
    }
}
