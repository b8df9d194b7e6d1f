namespace EdgeNode.Sensors.Emulation;

/// <summary>What every sensor emulator offers beside its wire protocol: a fault that can be injected at run time.</summary>
public interface IEmulatedSensor
{
    EmulatedFault Fault { get; set; }
}
