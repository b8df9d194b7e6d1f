using Microsoft.Extensions.Options;

namespace EdgeNode.Daemon.Node;

/// <summary>
/// Checks a section of the settings at start with the problems its options class finds itself, worded for the
/// technician editing the file and naming the setting; written out by hand, as the native binary has no reflection
/// for data annotations.
/// </summary>
internal sealed class SettingsValidator<T>(Func<T, IEnumerable<string>> problems) : IValidateOptions<T> where T : class
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        List<string> found = [.. problems(options)];
        return found.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(found);
    }

    /// <summary>The problem an options class's own Validate throws, as a list.</summary>
    public static IEnumerable<string> Thrown(Action validate)
    {
        try
        {
            validate();
            return [];
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return [e.Message];
        }
    }
}
