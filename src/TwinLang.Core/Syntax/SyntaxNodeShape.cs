using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;

namespace TwinLang.Syntax;

/// <summary>
/// The properties of a node type sorted into child nodes, child node arrays and plain values (names,
/// operators, flags), found by reflection once per type. The printer and the equivalence check share it,
/// so a new node kind needs no hand-written entry in either.
/// </summary>
internal static class SyntaxNodeShape
{
    private static readonly ConcurrentDictionary<Type, Member[]> MembersByType = new();

    public enum MemberKind
    {
        Node,
        NodeArray,
        Value,
    }

    public sealed record Member(PropertyInfo Property, MemberKind Kind)
    {
        public string Name => Property.Name;

        public object? Get(SyntaxNode node) => Property.GetValue(node);

        /// <summary>The elements of a node array property (an <c>ImmutableArray</c> of nodes).</summary>
        public IReadOnlyList<SyntaxNode> GetNodes(SyntaxNode node) =>
            Get(node) is IEnumerable many ? many.OfType<SyntaxNode>().ToList() : [];
    }

    public static Member[] Of(Type type) => MembersByType.GetOrAdd(type, Find);

    private static Member[] Find(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.Name is not "EqualityContract" and not nameof(SyntaxNode.Span))
            .OrderBy(p => p.MetadataToken)
            .Select(p => new Member(p, Classify(p.PropertyType)))
            .ToArray();

    private static MemberKind Classify(Type type)
    {
        if (typeof(SyntaxNode).IsAssignableFrom(type))
        {
            return MemberKind.Node;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(System.Collections.Immutable.ImmutableArray<>) &&
            typeof(SyntaxNode).IsAssignableFrom(type.GetGenericArguments()[0]))
        {
            return MemberKind.NodeArray;
        }

        return MemberKind.Value;
    }
}
