using System.Text;
using EdgeNode.Sensors.Ops243;

namespace EdgeNode.Sensors.Tests.Ops243;

public class Ops243LineFramerTests
{
    private const string Stream = "52.3\r\n{\"Units\":\"km-per-hr\"}\r\n-47.8\n61.0\r-12.5\r\n";

    [Fact]
    public void Lines_end_at_CR_LF_or_CRLF_and_CRLF_counts_once()
    {
        List<Ops243Line> lines = Frame(Encoding.ASCII.GetBytes(Stream));
        Assert.Equal(
            [Ops243LineKind.SpeedReport, Ops243LineKind.Answer, Ops243LineKind.SpeedReport, Ops243LineKind.SpeedReport, Ops243LineKind.SpeedReport],
            lines.Select(l => l.Kind));
        Assert.Equal([52.3, -47.8, 61.0, -12.5], lines.Where(l => l.Kind == Ops243LineKind.SpeedReport).Select(l => l.SignedSpeedKilometresPerHour));
    }

    [Fact]
    public void A_stream_cut_at_every_byte_position_gives_the_same_lines()
    {
        byte[] bytes = Encoding.ASCII.GetBytes(Stream);
        List<Ops243Line> whole = Frame(bytes);
        for (int cut = 0; cut <= bytes.Length; cut++)
        {
            var framer = new Ops243LineFramer();
            var lines = new List<Ops243Line>();
            framer.Push(bytes.AsSpan(0, cut), lines);
            framer.Push(bytes.AsSpan(cut), lines);
            Assert.Equal(whole, lines);
        }
    }

    [Fact]
    public void Bytes_without_a_line_end_are_reported_as_garbage_every_160_bytes_then_lines_resume()
    {
        byte[] noise = Enumerable.Repeat((byte)0xA5, 400).ToArray();
        List<Ops243Line> lines = Frame([.. noise, .. "\r\n52.3\r\n"u8.ToArray()]);
        Assert.Equal([Ops243LineKind.Garbage, Ops243LineKind.Garbage, Ops243LineKind.Garbage, Ops243LineKind.SpeedReport], lines.Select(l => l.Kind));
        Assert.Equal(52.3, lines[^1].SignedSpeedKilometresPerHour);
    }

    [Fact]
    public void Reset_forgets_a_partial_line()
    {
        var framer = new Ops243LineFramer();
        var lines = new List<Ops243Line>();
        framer.Push("9"u8, lines);
        framer.Reset();
        framer.Push("52.3\n"u8, lines);
        Assert.Equal(52.3, Assert.Single(lines).SignedSpeedKilometresPerHour);
    }

    private static List<Ops243Line> Frame(byte[] bytes)
    {
        var lines = new List<Ops243Line>();
        new Ops243LineFramer().Push(bytes, lines);
        return lines;
    }
}
