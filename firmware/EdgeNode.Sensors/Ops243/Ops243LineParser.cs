using System.Globalization;
using System.Text;
using System.Text.Json;

namespace EdgeNode.Sensors.Ops243;

/// <summary>
/// Decodes one line of OPS24x output. With JSON off the sensor sends each speed as a bare signed number;
/// answers to commands are always small JSON objects (UM-003-A pp.7–8). If time (OT) or magnitude (OM)
/// reporting was left on, the fields come comma-separated "time, magnitude, speed" with the speed last
/// (UM-003-A p.12), so the last field is taken. With JSON on, a report is an object with a "speed" field
/// and an optional "direction" of "inbound"/"outbound" (OPS-UM-001-C p.8).
/// </summary>
internal static class Ops243LineParser
{
    /// <summary>Longer than any answer the driver asks for; a longer line is noise, not a report.</summary>
    public const int MaximumLineLength = 160;

    // A number field longer than this is not something the sensor prints (at most 5 decimals, UM-003-A p.8).
    private const int MaximumNumberLength = 16;

    // Readable lines shorter than this are as likely to be noise as another device's protocol.
    private const int MinimumForeignTextLength = 6;

    public static Ops243Line Parse(ReadOnlySpan<byte> line)
    {
        line = Trim(line);
        if (line.IsEmpty)
        {
            return Ops243Line.Blank;
        }

        if (line.Length > MaximumLineLength || !IsPrintableAscii(line))
        {
            return Ops243Line.Garbage(Excerpt(line));
        }

        string text = Encoding.ASCII.GetString(line);
        if (text[0] == '{')
        {
            return ParseJson(text);
        }

        if (TryParseReportFields(text, out double speed, out int decimals))
        {
            return new Ops243Line(Ops243LineKind.SpeedReport, speed, DecimalPlaces: decimals);
        }

        return text.Length >= MinimumForeignTextLength && text.Any(char.IsAsciiLetter)
            ? new Ops243Line(Ops243LineKind.ForeignText, Text: text)
            : Ops243Line.Garbage(text);
    }

    /// <summary>Reads a string property of an answer, e.g. "Units" of <c>{"Units":"km-per-hr"}</c>.</summary>
    public static bool TryGetAnswerValue(string answer, string key, out string value)
    {
        value = "";
        try
        {
            using JsonDocument document = JsonDocument.Parse(answer);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty(key, out JsonElement element))
            {
                value = element.ValueKind == JsonValueKind.String ? element.GetString() ?? "" : element.GetRawText();
                return true;
            }
        }
        catch (JsonException)
        {
        }

        return false;
    }

    /// <summary>A printable excerpt of bytes for a fault message: never more than 40 characters, non-ASCII shown as '?'.</summary>
    public static string Excerpt(ReadOnlySpan<byte> bytes)
    {
        var excerpt = new StringBuilder(40);
        foreach (byte b in bytes[..Math.Min(bytes.Length, 40)])
        {
            excerpt.Append(b is >= 0x20 and <= 0x7E ? (char)b : '?');
        }

        return excerpt.ToString();
    }

    private static Ops243Line ParseJson(string text)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(text);
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Ops243Line.Garbage(text);
            }

            if (!root.TryGetProperty("speed", out JsonElement speedElement))
            {
                return new Ops243Line(Ops243LineKind.Answer, Text: text);
            }

            string speedText = speedElement.ValueKind switch
            {
                JsonValueKind.Number => speedElement.GetRawText(),
                JsonValueKind.String => speedElement.GetString() ?? "",
                _ => "",
            };
            if (!TryParseNumber(speedText, out double speed, out int decimals))
            {
                return Ops243Line.Garbage(text);
            }

            if (root.TryGetProperty("direction", out JsonElement direction) && direction.ValueKind == JsonValueKind.String)
            {
                speed = direction.GetString() switch
                {
                    "inbound" => Math.Abs(speed),
                    "outbound" => -Math.Abs(speed),
                    _ => double.NaN,
                };
                if (double.IsNaN(speed))
                {
                    return Ops243Line.Garbage(text);
                }
            }

            return new Ops243Line(Ops243LineKind.SpeedReport, speed, DecimalPlaces: decimals);
        }
        catch (JsonException)
        {
            return Ops243Line.Garbage(text);
        }
    }

    private static bool TryParseReportFields(string text, out double speed, out int decimals)
    {
        speed = 0;
        decimals = 0;
        string[] fields = text.Split(',');
        foreach (string field in fields)
        {
            if (!TryParseNumber(field, out speed, out decimals))
            {
                return false;
            }
        }

        return true; // the last field parsed is the speed
    }

    /// <summary>Only what the sensor prints: an optional sign, digits, an optional decimal part. Never NaN or ∞.</summary>
    private static bool TryParseNumber(string field, out double value, out int decimals)
    {
        value = 0;
        decimals = 0;
        ReadOnlySpan<char> s = field.AsSpan().Trim();
        if (s.IsEmpty || s.Length > MaximumNumberLength)
        {
            return false;
        }

        int i = s[0] is '+' or '-' ? 1 : 0;
        int digits = 0;
        bool point = false;
        for (; i < s.Length; i++)
        {
            if (char.IsAsciiDigit(s[i]))
            {
                digits++;
                decimals += point ? 1 : 0;
            }
            else if (s[i] == '.' && !point && digits > 0)
            {
                point = true;
            }
            else
            {
                return false;
            }
        }

        return digits > 0 && s[^1] != '.'
            && double.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)
            && double.IsFinite(value);
    }

    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> line)
    {
        int start = 0;
        int end = line.Length;
        while (start < end && line[start] is (byte)' ' or (byte)'\t')
        {
            start++;
        }

        while (end > start && line[end - 1] is (byte)' ' or (byte)'\t')
        {
            end--;
        }

        return line[start..end];
    }

    private static bool IsPrintableAscii(ReadOnlySpan<byte> line)
    {
        foreach (byte b in line)
        {
            if (b is < 0x20 or > 0x7E && b != (byte)'\t')
            {
                return false;
            }
        }

        return true;
    }
}
