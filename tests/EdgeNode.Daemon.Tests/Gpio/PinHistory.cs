using System.Device.Gpio;
using EdgeNode.Hardware.Emulation;

namespace EdgeNode.Daemon.Tests.Gpio;

/// <summary>Reads an emulated pin's recorded levels as a technician's scope would show them.</summary>
internal static class PinHistory
{
    /// <summary>"0:H 0.3:L …": each change from <paramref name="skip"/> on, in seconds after <paramref name="start"/>, before <paramref name="until"/>.</summary>
    public static string Trace(EmulatedGpioDriver driver, int pin, DateTimeOffset start, TimeSpan until, int skip = 0) =>
        string.Join(' ', driver.History(pin).Skip(skip)
            .Where(e => e.At - start < until)
            .Select(e => $"{(e.At - start).TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)}:{(e.Value == PinValue.High ? 'H' : 'L')}"));

    /// <summary>
    /// The level the pin had when <paramref name="at"/> came, before any change made at that same instant (a sensor
    /// read and put to sleep at once on a virtual clock was read while awake).
    /// </summary>
    public static PinValue LevelAt(EmulatedGpioDriver driver, int pin, DateTimeOffset at) =>
        driver.History(pin).LastOrDefault(e => e.At < at) is { At: var when } entry && when != default ? entry.Value : PinValue.Low;
}
