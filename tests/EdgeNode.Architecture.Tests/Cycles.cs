namespace EdgeNode.Architecture.Tests;

/// <summary>The cycles of a directed graph, as its strongly connected components of more than one node (Tarjan).</summary>
internal static class Cycles
{
    public static List<List<string>> Find(IReadOnlyDictionary<string, HashSet<string>> edges)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var components = new List<List<string>>();
        int next = 0;

        void Visit(string node)
        {
            index[node] = low[node] = next++;
            stack.Push(node);
            onStack.Add(node);
            foreach (string target in edges.TryGetValue(node, out HashSet<string>? targets) ? targets : [])
            {
                if (!index.ContainsKey(target))
                {
                    Visit(target);
                    low[node] = Math.Min(low[node], low[target]);
                }
                else if (onStack.Contains(target))
                {
                    low[node] = Math.Min(low[node], index[target]);
                }
            }

            if (low[node] == index[node])
            {
                var component = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    component.Add(member);
                }
                while (member != node);

                if (component.Count > 1)
                {
                    component.Sort(StringComparer.Ordinal);
                    components.Add(component);
                }
            }
        }

        foreach (string node in edges.Keys.Order(StringComparer.Ordinal))
        {
            if (!index.ContainsKey(node))
            {
                Visit(node);
            }
        }

        return components;
    }

    /// <summary>For a message: each edge inside the component, so the reader sees which files to look at.</summary>
    public static string Describe(IReadOnlyDictionary<string, HashSet<string>> edges, List<string> component) =>
        string.Join(", ", component.SelectMany(from => (edges.TryGetValue(from, out HashSet<string>? targets) ? targets : [])
            .Where(component.Contains).Order(StringComparer.Ordinal).Select(to => $"{from} → {to}")));
}
