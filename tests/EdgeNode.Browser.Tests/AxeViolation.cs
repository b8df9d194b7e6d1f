namespace EdgeNode.Browser.Tests;

/// <summary>One axe-core rule a page breaks, with the elements that break it.</summary>
/// <param name="Id">The rule ("color-contrast", "label"): https://dequeuniversity.com/rules/axe/4.14/{Id}.</param>
/// <param name="Nodes">Each offending element: its CSS selector and axe's summary of what to fix.</param>
public sealed record AxeViolation(string Id, string Impact, string Help, string HelpUrl, IReadOnlyList<(string Target, string Html, string Summary)> Nodes)
{
    public override string ToString() =>
        $"{Id} ({Impact}): {Help} <{HelpUrl}>\n" + string.Join('\n', Nodes.Select(node => $"    {node.Target}: {node.Html}\n      {node.Summary.Replace("\n", "\n      ", StringComparison.Ordinal)}"));
}
