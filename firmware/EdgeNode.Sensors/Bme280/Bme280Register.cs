namespace EdgeNode.Sensors.Bme280;

/// <summary>The registers this driver touches. Datasheet BST-BME280-DS002 §5.3, Table 18 (memory map).</summary>
internal enum Bme280Register : byte
{
    /// <summary>calib00–calib25, 0x88–0xA1: dig_T1…dig_P9, a reserved byte, dig_H1 (§4.2.2, Table 16).</summary>
    TrimmingTemperaturePressure = 0x88,

    /// <summary>0x60 on a BME280, 0x56–0x58 on a BMP280 (§5.4.1; §5.2 register compatibility).</summary>
    ChipId = 0xD0,

    /// <summary>Writing 0xB6 performs a power-on reset (§5.4.2).</summary>
    Reset = 0xE0,

    /// <summary>calib26–calib32, 0xE1–0xE7: dig_H2…dig_H6 (§4.2.2, Table 16).</summary>
    TrimmingHumidity = 0xE1,

    /// <summary>osrs_h[2:0]; takes effect only at the next write to ctrl_meas (§5.4.3).</summary>
    ControlHumidity = 0xF2,

    /// <summary>measuring[3], im_update[0] (§5.4.4).</summary>
    Status = 0xF3,

    /// <summary>osrs_t[7:5], osrs_p[4:2], mode[1:0] (§5.4.5).</summary>
    ControlMeasurement = 0xF4,

    /// <summary>t_sb[7:5], filter[4:2], spi3w_en[0] (§5.4.6).</summary>
    Config = 0xF5,

    /// <summary>First of the eight data bytes press_msb…hum_lsb, 0xF7–0xFE, read in one burst (§4, §5.4.7–5.4.9).</summary>
    PressureMsb = 0xF7,
}
