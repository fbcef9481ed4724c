using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Reflection;
using TwinLang.Text;

namespace TwinLang.Syntax;

/// <summary>
/// Base of every immutable syntax node. A node knows its absolute span and its children; it has no
/// parent pointer, so trees can be shared across compilations (rust-analyzer's green-tree idea, simplified).
/// </summary>
public abstract record SyntaxNode(TextSpan Span)
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> ChildPropertiesByType = new();

    /// <summary>
    /// The direct children in source order. Found by reflection over the node's properties once per
    /// type, so adding a node kind needs no hand-written child list that could drift out of date.
    /// </summary>
    public IEnumerable<SyntaxNode> GetChildren()
    {
        var children = new List<SyntaxNode>();
        foreach (var property in ChildPropertiesByType.GetOrAdd(GetType(), FindChildProperties))
        {
            switch (property.GetValue(this))
            {
                case SyntaxNode node:
                    children.Add(node);
                    break;
                case System.Collections.IEnumerable many and not string:
                    children.AddRange(many.OfType<SyntaxNode>());
                    break;
            }
        }

        children.Sort((a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : b.Span.Length.CompareTo(a.Span.Length));
        return children;
    }

    /// <summary>This node and all its descendants, depth first, in source order.</summary>
    public IEnumerable<SyntaxNode> DescendantsAndSelf()
    {
        var stack = new Stack<SyntaxNode>();
        stack.Push(this);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            yield return node;
            var children = node.GetChildren().ToList();
            for (var i = children.Count - 1; i >= 0; i--)
            {
                stack.Push(children[i]);
            }
        }
    }

    private static PropertyInfo[] FindChildProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.Name != nameof(EqualityContract))
            .Where(p => typeof(SyntaxNode).IsAssignableFrom(p.PropertyType) || IsNodeArray(p.PropertyType))
            .OrderBy(p => p.MetadataToken)
            .ToArray();

    private static bool IsNodeArray(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ImmutableArray<>) &&
        typeof(SyntaxNode).IsAssignableFrom(type.GetGenericArguments()[0]);
}
