namespace EdgeNode.Sensors.Emulation;

/// <summary>The same conditions at every moment; tests set them to what they want the sensor to see.</summary>
public sealed class ConstantAmbient(AmbientConditions conditions) : IAmbientModel
{
    public AmbientConditions Conditions { get; set; } = conditions;

    public AmbientConditions At(DateTimeOffset time) => Conditions;
}
