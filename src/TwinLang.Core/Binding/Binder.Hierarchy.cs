using TwinLang.Syntax;

namespace TwinLang.Binding;

// Inheritance cycles, members redeclared over inherited ones, and assets that contain themselves.
public sealed partial class Binder
{
    private IEnumerable<(FileContext File, StructuredTypeSymbol Type)> AllStructuredTypes() =>
        _files.SelectMany(f => f.Declarations
            .Select(d => !d.Name.IsMissing && f.Package.Members.TryGetValue(d.Name.Text, out var s) && s is StructuredTypeSymbol t && ReferenceEquals(t.Syntax, d) ? t : null)
            .OfType<StructuredTypeSymbol>()
            .Select(t => (f, t)));

    private void CheckInheritanceCycles()
    {
        var inCycle = new List<(FileContext, AssetSymbol, string)>();
        foreach (var (file, type) in AllStructuredTypes())
        {
            if (type is not AssetSymbol asset || asset.BaseAsset is null)
            {
                continue;
            }

            var path = new List<string> { asset.Name };
            var seen = new HashSet<AssetSymbol> { asset };
            for (var current = asset.BaseAsset; current is not null; current = current.BaseAsset)
            {
                path.Add(current.Name);
                if (ReferenceEquals(current, asset))
                {
                    inCycle.Add((file, asset, string.Join(" -> ", path.Select(Quote))));
                    break;
                }

                if (!seen.Add(current))
                {
                    break;
                }
            }
        }

        foreach (var (file, asset, cycle) in inCycle)
        {
            if (asset.Declaration.BaseType is { } baseType)
            {
                Report(At(file, baseType.Name.Span).InheritanceCycle(asset.Name, cycle));
            }

            asset.BaseAsset = null;
        }

        foreach (var (file, type) in AllStructuredTypes())
        {
            if (type.BaseAsset is not { } baseAsset)
            {
                continue;
            }

            foreach (var member in type.OwnMembers)
            {
                if (baseAsset.LookupMember(member.Name) is { } inherited && member.Location is { } location)
                {
                    var where = inherited.Location is { } l ? Describe(l) : "the base asset";
                    Report(At(file, location.Span).DuplicateDeclaration(member.Name, where));
                }
            }
        }
    }

    /// <summary>
    /// Finds assets that contain themselves through components, with Tarjan's strongly connected components
    /// so that a large model is checked in linear time.
    /// </summary>
    private void CheckRecursiveComposition()
    {
        var assets = AllStructuredTypes().Where(t => t.Type is AssetSymbol).ToList();
        var fileOf = assets.ToDictionary(a => (AssetSymbol)a.Type, a => a.File);
        var index = new Dictionary<AssetSymbol, int>();
        var low = new Dictionary<AssetSymbol, int>();
        var stack = new Stack<AssetSymbol>();
        var onStack = new HashSet<AssetSymbol>();
        var components = new List<List<AssetSymbol>>();
        var counter = 0;

        IEnumerable<AssetSymbol> Successors(AssetSymbol asset) =>
            asset.Components.Select(c => c.ComponentType).OfType<AssetSymbol>().Where(fileOf.ContainsKey);

        foreach (var (_, type) in assets)
        {
            var root = (AssetSymbol)type;
            if (index.ContainsKey(root))
            {
                continue;
            }

            // Iterative Tarjan: deep composition chains must not overflow the stack.
            var work = new Stack<(AssetSymbol Node, IEnumerator<AssetSymbol> Next)>();
            index[root] = low[root] = counter++;
            stack.Push(root);
            onStack.Add(root);
            work.Push((root, Successors(root).GetEnumerator()));
            while (work.Count > 0)
            {
                var (node, next) = work.Peek();
                if (next.MoveNext())
                {
                    var successor = next.Current;
                    if (!index.ContainsKey(successor))
                    {
                        index[successor] = low[successor] = counter++;
                        stack.Push(successor);
                        onStack.Add(successor);
                        work.Push((successor, Successors(successor).GetEnumerator()));
                    }
                    else if (onStack.Contains(successor))
                    {
                        low[node] = Math.Min(low[node], index[successor]);
                    }

                    continue;
                }

                work.Pop();
                if (work.Count > 0)
                {
                    var parent = work.Peek().Node;
                    low[parent] = Math.Min(low[parent], low[node]);
                }

                if (low[node] == index[node])
                {
                    var component = new List<AssetSymbol>();
                    AssetSymbol member;
                    do
                    {
                        member = stack.Pop();
                        onStack.Remove(member);
                        component.Add(member);
                    }
                    while (!ReferenceEquals(member, node));
                    components.Add(component);
                }
            }
        }

        foreach (var component in components)
        {
            var set = component.ToHashSet();
            foreach (var asset in component)
            {
                // Report at the asset's own component that closes the loop (inherited ones are reported at the base).
                var offending = asset.OwnMembers.OfType<ComponentSymbol>().FirstOrDefault(c => c.ComponentType is AssetSymbol t && set.Contains(t));
                if (offending is null || offending.Location is not { } location)
                {
                    continue;
                }

                var cycle = component.Count == 1 ? $"component {Quote(offending.Name)}" : CyclePath(asset, set);
                Report(At(fileOf[asset], location.Span).RecursiveComposition(asset.Name, cycle));
            }
        }

        // Break the loops so later phases never walk them.
        BreakCompositionLoops(components);
    }

    /// <summary>The loop from <paramref name="start"/> back to itself through components whose types are in the same strongly connected set.</summary>
    private static string CyclePath(AssetSymbol start, HashSet<AssetSymbol> set)
    {
        var path = new List<string> { Quote(start.Name) };
        var visited = new HashSet<AssetSymbol> { start };
        var current = start;
        while (current.Components.Select(c => c.ComponentType).OfType<AssetSymbol>().FirstOrDefault(set.Contains) is { } next)
        {
            path.Add(Quote(next.Name));
            if (ReferenceEquals(next, start) || !visited.Add(next))
            {
                break;
            }

            current = next;
        }

        return string.Join(" -> ", path);
    }

    private static void BreakCompositionLoops(List<List<AssetSymbol>> components)
    {
        foreach (var component in components.Where(c => c.Count > 1 || c.Exists(a => a.Components.Any(x => ReferenceEquals(x.ComponentType, a)))))
        {
            var set = component.ToHashSet();
            foreach (var asset in component)
            {
                foreach (var member in asset.OwnMembers.OfType<ComponentSymbol>())
                {
                    if (member.ComponentType is AssetSymbol t && set.Contains(t))
                    {
                        member.ComponentType = null;
                        member.Type = ErrorType.Instance;
                    }
                }
            }
        }
    }
}
