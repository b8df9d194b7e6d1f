namespace EdgeNode.Sensors.Emulation;

/// <summary>Gives emulated sensors the conditions they measure at a moment, so a day can have a shape.</summary>
public interface IAmbientModel
{
    AmbientConditions At(DateTimeOffset time);
}
