namespace EdgeNode.Sensors.Pms5003;

/// <summary>The command byte of a host packet (PMS5003 series data manual V2.3, Appendix II).</summary>
internal enum Pms5003Command : byte
{
    /// <summary>DATAL 0: passive mode (answer only 0xE2); 1: active mode (stream frames), the power-up default.</summary>
    ChangeMode = 0xE1,

    /// <summary>In passive mode, answered with one 32-byte frame as in Appendix I.</summary>
    ReadPassive = 0xE2,

    /// <summary>DATAL 0: sleep (fan and laser off); 1: wake up.</summary>
    SleepOrWake = 0xE4,
}
