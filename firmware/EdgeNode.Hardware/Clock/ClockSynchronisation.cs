namespace EdgeNode.Hardware.Clock;

/// <summary>Whether the kernel considers the system clock set by a time source (NTP, GPS).</summary>
public enum ClockSynchronisation
{
    Synchronised,

    /// <summary>A Raspberry Pi without network since boot: its clock is whatever was saved at shutdown, or 1970.</summary>
    Unsynchronised,
}
