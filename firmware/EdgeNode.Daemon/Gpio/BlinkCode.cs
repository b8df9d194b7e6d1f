namespace EdgeNode.Daemon.Gpio;

/// <summary>What the status LED says, from the ground (hardware/wiring.md, "Status LED and button", has the table for technicians).</summary>
public enum BlinkCode
{
    /// <summary>One short blink every 5 s: every sensor reads and the fleet is reachable (or none is configured).</summary>
    AllGood,

    /// <summary>Two blinks every 5 s: at least one sensor is faulty or silent (<c>edgenode status</c> says which).</summary>
    SensorFault,

    /// <summary>Three blinks every 5 s: the fleet cannot be reached; readings are kept on the node.</summary>
    NoFleet,

    /// <summary>Slow even blinking, 1 s on, 1 s off: a firmware update is being installed; do not cut the power.</summary>
    Updating,

    /// <summary>Half-second blinking: the self-test started with the button is running.</summary>
    SelfTestRunning,

    /// <summary>Steady light for 30 s: the self-test passed.</summary>
    SelfTestPassed,

    /// <summary>Rapid flicker for 30 s: the self-test found a fault.</summary>
    SelfTestFailed,
}
