namespace EdgeNode.Sensors;

/// <summary>
/// The device's own words in the diagnosis <see cref="SerialFrameLink{TFrame}"/> gives when no answer came:
/// what its frames look like, which pins and parts to check. The link decides which case it is (silence, damaged
/// frames, a command ignored, another device) and writes what happened; this says what a technician should do
/// about it on this particular sensor. Each advice is a whole sentence or more, ending with a full stop.
/// </summary>
/// <param name="FrameName">With its article, for "none forms …": "an SDS011 frame".</param>
/// <param name="FrameDamage">How a frame can be damaged, for "damaged frame(s) (…)": "wrong checksum or cut short".</param>
/// <param name="BaudRate">The speed the sensor talks at, for "it does not talk at … baud".</param>
/// <param name="LikelyOtherDevice">The device most likely wired in its place, with its article: "a Plantower PMS5003".</param>
/// <param name="WhenSilent">What to check when nothing at all arrived: supply, pins, connector.</param>
/// <param name="WhenDisturbed">What to check when only damaged frames arrived: ground, connector, cable.</param>
/// <param name="WhenIgnored">What to do when intact frames arrived but none answered the command.</param>
internal sealed record SerialLinkAdvice(
    string FrameName,
    string FrameDamage,
    int BaudRate,
    string LikelyOtherDevice,
    string WhenSilent,
    string WhenDisturbed,
    string WhenIgnored);
