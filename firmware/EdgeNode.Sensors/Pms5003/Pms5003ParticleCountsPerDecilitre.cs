namespace EdgeNode.Sensors.Pms5003;

/// <summary>Particles counted in 0.1 L (one decilitre) of air, by lower size bound (manual Appendix I, data 7–12).</summary>
public sealed record Pms5003ParticleCountsPerDecilitre(
    int Over0Point3Micrometres,
    int Over0Point5Micrometres,
    int Over1Micrometre,
    int Over2Point5Micrometres,
    int Over5Micrometres,
    int Over10Micrometres);
