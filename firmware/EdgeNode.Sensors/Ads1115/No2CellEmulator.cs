using EdgeNode.Hardware.Emulation;
using EdgeNode.Sensors.Emulation;

namespace EdgeNode.Sensors.Ads1115;

/// <summary>
/// An Alphasense NO2-B43F on its ISB, wired to an emulated ADS1115: the electrode outputs are what the
/// calibration says the cell gives for the <see cref="IAmbientModel"/>'s NO2 (the AE sits at its zero, the WE
/// moves by sensitivity × ppb), plus, unless <see cref="Noise"/> is off, the cell's noise of about ±1 ppb.
/// Faults are those of <see cref="Ads1115Emulator"/>.
/// </summary>
public sealed class No2CellEmulator : EmulatedI2cDevice, IEmulatedSensor
{
    private readonly Ads1115Emulator _adc;
    private readonly IAmbientModel _ambient;
    private readonly No2CellCalibration _calibration;
    private readonly Random _noise = new(2);

    public No2CellEmulator(TimeProvider timeProvider, IAmbientModel ambient, No2CellCalibration calibration)
        : base(Ads1115Emulator.DefaultAddress)
    {
        _ambient = ambient;
        _calibration = calibration;
        _adc = new Ads1115Emulator(timeProvider, InputVolts);
    }

    public EmulatedFault Fault
    {
        get => _adc.Fault;
        set => _adc.Fault = value;
    }

    /// <summary>Adds up to ±1 ppb of electrode noise to the working electrode (true by default).</summary>
    public bool Noise { get; set; } = true;

    public override bool TryWrite(ReadOnlySpan<byte> data) => _adc.TryWrite(data);

    public override bool TryRead(Span<byte> data) => _adc.TryRead(data);

    private double InputVolts(Ads1115Input input, DateTimeOffset at)
    {
        double ppb = _ambient.At(at).No2MicrogramsPerCubicMetre / No2CellSensor.MicrogramsPerCubicMetrePerPpb
            + (Noise ? _noise.NextDouble() * 2 - 1 : 0);
        if (input == _calibration.WorkingElectrodeInput)
        {
            return (_calibration.WorkingElectrodeZeroMillivolts + _calibration.SensitivityMillivoltsPerPpb * ppb) / 1000;
        }

        return input == _calibration.AuxiliaryElectrodeInput ? _calibration.AuxiliaryElectrodeZeroMillivolts / 1000 : 0;
    }
}
