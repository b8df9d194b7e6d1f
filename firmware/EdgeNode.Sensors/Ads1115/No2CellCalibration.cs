namespace EdgeNode.Sensors.Ads1115;

/// <summary>
/// The constants printed on the calibration certificate that comes with each Alphasense NO2-B43F on its ISB
/// (Individual Sensor Board): the electronic zero of the working (WE) and auxiliary (AE) electrode outputs in
/// clean air, and the WE sensitivity, negative for NO2 because it is reduced at the electrode and the output
/// falls. Also which ADS1115 inputs the two outputs are wired to.
/// </summary>
public sealed record No2CellCalibration(
    double WorkingElectrodeZeroMillivolts,
    double AuxiliaryElectrodeZeroMillivolts,
    double SensitivityMillivoltsPerPpb,
    Ads1115Input WorkingElectrodeInput = Ads1115Input.Ain0,
    Ads1115Input AuxiliaryElectrodeInput = Ads1115Input.Ain1)
{
    /// <summary>
    /// Alphasense's simplest algorithm: NO2 ppb = ((WE − WE₀) − (AE − AE₀)) / sensitivity. The AE carries the
    /// same zero drift as the WE without seeing the gas, so subtracting it removes most of the temperature effect;
    /// the residual temperature correction is left to the fleet's calibration step.
    /// </summary>
    public double PartsPerBillion(double workingElectrodeMillivolts, double auxiliaryElectrodeMillivolts) =>
        ((workingElectrodeMillivolts - WorkingElectrodeZeroMillivolts) - (auxiliaryElectrodeMillivolts - AuxiliaryElectrodeZeroMillivolts))
        / SensitivityMillivoltsPerPpb;
}
