namespace EdgeNode.Sensors.Ads1115;

/// <summary>The pointer-register values P[1:0] selecting each 16-bit register (datasheet SBAS444 §9.6.1, Table 6).</summary>
internal enum Ads1115Register : byte
{
    /// <summary>§9.6.2: the last result, big-endian two's complement; 0 after power-up.</summary>
    Conversion = 0b00,

    /// <summary>§9.6.3: OS, MUX, PGA, MODE, DR and comparator settings; 0x8583 after power-up.</summary>
    Config = 0b01,

    /// <summary>§9.6.4: comparator low threshold, 0x8000 after power-up.</summary>
    LowThreshold = 0b10,

    /// <summary>§9.6.4: comparator high threshold, 0x7FFF after power-up.</summary>
    HighThreshold = 0b11,
}
