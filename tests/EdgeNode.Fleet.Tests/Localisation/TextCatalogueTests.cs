using System.Reflection;
using EdgeNode.Fleet.Localisation;
using EdgeNode.Fleet.Registry;
using EdgeNode.Protocol.Calibration;
using EdgeNode.Protocol.Catalogue;

namespace EdgeNode.Fleet.Tests.Localisation;

/// <summary>
/// Every key of a text catalogue (an abstract member of <see cref="PublicText"/> or <see cref="StaffText"/>) has words in
/// every language the pages speak, for every argument a page can pass: every value of an enum, every metric the protocol
/// carries, every field of a form. The compiler sees that each language overrides each key; this sees that no case
/// inside a key was forgotten (a language's switch throws for a value it has no words for) and that English is not
/// French left in place.
/// </summary>
public sealed class TextCatalogueTests
{
    // The licence's official name is bilingual; the same words on both pages are right.
    private static readonly HashSet<string> SameInEveryLanguage = ["get_Licence"];

    public static TheoryData<string> PublicKeys => [.. Keys(typeof(PublicText))];

    public static TheoryData<string> StaffKeys => [.. Keys(typeof(StaffText))];

    [Theory]
    [MemberData(nameof(PublicKeys))]
    public void Every_public_text_is_written_in_french_and_in_english(string key)
    {
        MethodInfo member = Member(typeof(PublicText), key);
        foreach (object?[] arguments in Arguments(member))
        {
            string french = Say(member, PublicText.French, arguments);
            string english = Say(member, PublicText.English, arguments);

            Assert.False(string.IsNullOrWhiteSpace(english), $"{key}({Show(arguments)}) has no English.");
            // Echoing the argument is how a key keeps a name it does not know (a metric from a newer node): both
            // languages do it for the same arguments, or one of them lacks a translation the other has.
            Assert.True(Echoes(french, arguments) == Echoes(english, arguments),
                $"{key}({Show(arguments)}): French \"{french}\", English \"{english}\": one language translates what the other leaves as it came.");
            if (!SameInEveryLanguage.Contains(key) && !Echoes(french, arguments))
            {
                Assert.True(french != english, $"{key}({Show(arguments)}) reads \"{english}\" in English: still the French words.");
            }
        }
    }

    [Theory]
    [MemberData(nameof(StaffKeys))]
    public void Every_staff_text_is_written_in_french(string key)
    {
        MethodInfo member = Member(typeof(StaffText), key);
        foreach (object?[] arguments in Arguments(member))
        {
            string french = Say(member, StaffText.French, arguments);

            Assert.False(Echoes(french, arguments) && arguments.Any(IsKnownName),
                $"{key}({Show(arguments)}) shows the protocol's name, not French words.");
        }
    }

    [Fact]
    public void The_catalogues_have_keys_to_check()
    {
        // A reflection slip that found no key would let both theories pass with nothing checked.
        Assert.Contains("BandName", Keys(typeof(PublicText)));
        Assert.Contains("Fault", Keys(typeof(StaffText)));
        Assert.Contains("get_CalibrationExplanation", Keys(typeof(StaffText)));
    }

    private static IEnumerable<string> Keys(Type catalogue) =>
        catalogue.GetMethods(BindingFlags.Public | BindingFlags.Instance).Where(m => m.IsAbstract).Select(m => m.Name).Order(StringComparer.Ordinal);

    private static MethodInfo Member(Type catalogue, string key) =>
        catalogue.GetMethods(BindingFlags.Public | BindingFlags.Instance).Single(m => m.IsAbstract && m.Name == key);

    private static string Say(MethodInfo member, object language, object?[] arguments)
    {
        string? text;
        try
        {
            text = (string?)member.Invoke(language, arguments);
        }
        catch (TargetInvocationException e)
        {
            throw new Xunit.Sdk.XunitException($"{language.GetType().Name}.{member.Name}({Show(arguments)}) has no words: {e.InnerException?.Message}");
        }
        Assert.False(string.IsNullOrWhiteSpace(text), $"{language.GetType().Name}.{member.Name}({Show(arguments)}) is empty.");
        return text!;
    }

    private static bool Echoes(string text, object?[] arguments) => arguments.Any(a => a is string s && s == text);

    private static bool IsKnownName(object? argument) =>
        argument is string s && (MetricCatalogue.All.Any(m => m.Name == s) || EnrolmentFields.Contains(s));

    private static readonly string[] EnrolmentFields =
        [nameof(NodeEnrolmentRequest.Id), nameof(NodeEnrolmentRequest.Name), nameof(NodeEnrolmentRequest.Municipality), nameof(NodeEnrolmentRequest.LampPostId)];

    private static string Show(object?[] arguments) => string.Join(", ", arguments.Select(a => a switch
    {
        null => "null",
        string s => $"\"{s}\"",
        System.Collections.IEnumerable list => $"[{string.Join(", ", list.Cast<object>())}]",
        _ => a.ToString(),
    }));

    /// <summary>Every combination of the values each parameter can take on a page.</summary>
    private static IEnumerable<object?[]> Arguments(MethodInfo member) =>
        member.GetParameters().Aggregate(
            (IEnumerable<object?[]>)[[]],
            (combinations, parameter) => combinations.SelectMany(c => Values(parameter).Select(v => (object?[])[.. c, v])));

    private static IEnumerable<object?> Values(ParameterInfo parameter)
    {
        Type type = parameter.ParameterType;
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return [null, .. Values(underlying, parameter.Name!)];
        }
        return Values(type, parameter.Name!);
    }

    private static IEnumerable<object?> Values(Type type, string name)
    {
        if (type.IsEnum)
        {
            return Enum.GetValues(type).Cast<object?>();
        }
        if (type == typeof(string))
        {
            return name switch
            {
                "field" => EnrolmentFields,
                "metric" or "pollutant" or "label" => MetricCatalogue.All.Select(m => m.Name),
                _ => ["lampadaire-12"],
            };
        }
        if (type == typeof(int))
        {
            return name switch
            {
                "month" => [1, 2, 12],
                "decimals" => [1, 2],
                _ => [0, 1, 2],
            };
        }
        if (type == typeof(long))
        {
            return [1L, 42L];
        }
        if (type == typeof(double))
        {
            return [1.25, -0.04];
        }
        if (type == typeof(bool))
        {
            return [true, false];
        }
        if (type == typeof(TimeSpan))
        {
            return [TimeSpan.Zero, TimeSpan.FromMinutes(61), TimeSpan.FromHours(26)];
        }
        if (type == typeof(DateTime))
        {
            return [new DateTime(2026, 11, 22, 9, 50, 0)];
        }
        if (type == typeof(CalibrationProblem))
        {
            return Enum.GetValues<CalibrationProblemKind>().Select(kind =>
                new CalibrationProblem(kind, new CalibrationEntry("sps30", MetricCatalogue.Pm25.Name, 1.2, 3), MetricCatalogue.Pm25));
        }
        if (type == typeof(IReadOnlyList<CalibrationEntry>))
        {
            return [Array.Empty<CalibrationEntry>(), new[] { new CalibrationEntry("sps30", MetricCatalogue.Pm25.Name, 0.85, -1.5) }];
        }
        throw new InvalidOperationException($"No test values for a {type.Name} parameter: add them here so that its key is checked.");
    }
}
