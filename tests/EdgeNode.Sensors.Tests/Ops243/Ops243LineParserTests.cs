using System.Text;
using EdgeNode.Sensors.Ops243;
using FsCheck;
using FsCheck.Fluent;

namespace EdgeNode.Sensors.Tests.Ops243;

public class Ops243LineParserTests
{
    [Theory]
    [InlineData("52.3", 52.3)]
    [InlineData("-47.8", -47.8)]
    [InlineData("+12.0", 12.0)]
    [InlineData("  61.4\t", 61.4)]
    public void A_bare_number_is_a_speed_report_positive_inbound_negative_outbound(string line, double expected)
    {
        Ops243Line parsed = Parse(line);
        Assert.Equal(Ops243LineKind.SpeedReport, parsed.Kind);
        Assert.Equal(expected, parsed.SignedSpeedKilometresPerHour);
        Assert.Equal(1, parsed.DecimalPlaces);
    }

    [Theory]
    [InlineData("137.429,3.6", 3.6)]
    [InlineData("137.429,1200,-48.2", -48.2)]
    public void With_time_or_magnitude_reporting_left_on_the_speed_is_the_last_field(string line, double expected)
    {
        Ops243Line parsed = Parse(line);
        Assert.Equal(Ops243LineKind.SpeedReport, parsed.Kind);
        Assert.Equal(expected, parsed.SignedSpeedKilometresPerHour);
    }

    [Theory]
    [InlineData("{\"speed\":12.5,\"direction\":\"outbound\"}", -12.5)]
    [InlineData("{\"speed\":-12.5,\"direction\":\"inbound\"}", 12.5)]
    [InlineData("{\"speed\":\"33.0\"}", 33.0)]
    public void A_json_report_takes_its_sign_from_its_direction(string line, double expected)
    {
        Ops243Line parsed = Parse(line);
        Assert.Equal(Ops243LineKind.SpeedReport, parsed.Kind);
        Assert.Equal(expected, parsed.SignedSpeedKilometresPerHour);
    }

    [Fact]
    public void A_json_object_without_a_speed_is_an_answer_whose_values_can_be_read()
    {
        Ops243Line parsed = Parse("{\"Units\":\"km-per-hr\"}");
        Assert.Equal(Ops243LineKind.Answer, parsed.Kind);
        Assert.True(Ops243LineParser.TryGetAnswerValue(parsed.Text!, "Units", out string units));
        Assert.Equal("km-per-hr", units);
        Assert.False(Ops243LineParser.TryGetAnswerValue(parsed.Text!, "Product", out _));
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    [InlineData("1e5")]
    [InlineData("12.")]
    [InlineData(".5")]
    [InlineData("--3")]
    [InlineData("12.3.4")]
    [InlineData("12.3,")]
    [InlineData("5x.3")]
    [InlineData("{\"speed\":\"fast\"}")]
    [InlineData("{\"speed\":12,\"direction\":\"sideways\"}")]
    [InlineData("{\"Units\":\"km-per-hr\"")]
    [InlineData("[1,2]")]
    [InlineData("123456789012345678")]
    public void Anything_the_sensor_does_not_print_is_unreadable_never_a_speed(string line)
    {
        Assert.Contains(Parse(line).Kind, new[] { Ops243LineKind.Garbage, Ops243LineKind.ForeignText });
    }

    [Fact]
    public void Bytes_outside_printable_ascii_are_garbage()
    {
        Ops243Line parsed = Ops243LineParser.Parse([0x35, 0xB2, 0x2E, 0x33]);
        Assert.Equal(Ops243LineKind.Garbage, parsed.Kind);
        Assert.Equal("5?.3", parsed.Text);
    }

    [Fact]
    public void Readable_text_of_another_protocol_is_foreign_not_garbage()
    {
        Assert.Equal(Ops243LineKind.ForeignText, Parse("$GPRMC,080000.00,A,4851.1234,N,00221.5678,E,0.0,0.0,020326,,,A*6C").Kind);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Whitespace_is_a_blank_line(string line)
    {
        Assert.Equal(Ops243LineKind.Blank, Parse(line).Kind);
    }

    [Fact]
    public void No_bytes_whatever_make_the_parser_throw_or_return_a_non_finite_speed()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), bytes =>
        {
            Ops243Line parsed = Ops243LineParser.Parse(bytes);
            return parsed.Kind != Ops243LineKind.SpeedReport || double.IsFinite(parsed.SignedSpeedKilometresPerHour);
        }).QuickCheckThrowOnFailure();
    }

    private static Ops243Line Parse(string line) => Ops243LineParser.Parse(Encoding.ASCII.GetBytes(line));
}
