namespace EdgeNode.Protocol.Topics;

/// <summary>
/// The rule for node identifiers. An id becomes a topic level and a broker user name, so it must never be able to
/// bend a topic or an ACL pattern: no '+', '#', '/', NUL or anything outside a small, boring alphabet.
/// </summary>
public static class NodeId
{
    /// <summary>Long enough for "commune-lamppost-number" schemes, short enough to keep topics small on the wire.</summary>
    public const int MaximumLength = 48;

    /// <summary>True when <paramref name="candidate"/> is a valid node id; otherwise <paramref name="problem"/> says why in words.</summary>
    public static bool IsValid(string? candidate, out string problem)
    {
        if (string.IsNullOrEmpty(candidate))
        {
            problem = "a node id cannot be empty";
            return false;
        }
        if (candidate.Length > MaximumLength)
        {
            problem = $"a node id has at most {MaximumLength} characters (this one has {candidate.Length})";
            return false;
        }
        for (int i = 0; i < candidate.Length; i++)
        {
            char c = candidate[i];
            bool letterOrDigit = c is (>= 'a' and <= 'z') or (>= '0' and <= '9');
            if (!letterOrDigit && !(c == '-' && i > 0 && i < candidate.Length - 1))
            {
                problem = $"a node id uses only lower-case letters a-z, digits and inner hyphens; character {i + 1} ({Describe(c)}) is not allowed";
                return false;
            }
        }
        problem = "";
        return true;
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the problem when the id is not valid.</summary>
    public static string Require(string? candidate, string parameterName = "nodeId")
    {
        if (!IsValid(candidate, out string problem))
        {
            throw new ArgumentException(problem, parameterName);
        }
        return candidate!;
    }

    private static string Describe(char c) => char.IsControl(c) ? $"U+{(int)c:X4}" : $"'{c}'";
}
