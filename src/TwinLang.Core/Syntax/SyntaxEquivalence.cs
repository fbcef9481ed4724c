namespace TwinLang.Syntax;

/// <summary>
/// Structural equality of syntax trees ignoring spans: same node kinds, same names, literals, operators
/// and flags, same children in the same places. The formatter's round-trip check (parse → format →
/// parse gives an equivalent tree) rests on it. Iterative, so arbitrarily deep trees are fine.
/// </summary>
public static class SyntaxEquivalence
{
    /// <summary>True when <paramref name="a"/> and <paramref name="b"/> differ at most in their spans.</summary>
    public static bool AreEquivalent(SyntaxNode? a, SyntaxNode? b)
    {
        var pending = new Stack<(SyntaxNode? A, SyntaxNode? B)>();
        pending.Push((a, b));
        while (pending.Count > 0)
        {
            var (left, right) = pending.Pop();
            if (left is null || right is null)
            {
                if (left is not null || right is not null)
                {
                    return false;
                }

                continue;
            }

            if (left.GetType() != right.GetType())
            {
                return false;
            }

            foreach (var member in SyntaxNodeShape.Of(left.GetType()))
            {
                switch (member.Kind)
                {
                    case SyntaxNodeShape.MemberKind.Node:
                        pending.Push((member.Get(left) as SyntaxNode, member.Get(right) as SyntaxNode));
                        break;
                    case SyntaxNodeShape.MemberKind.NodeArray:
                        var leftNodes = member.GetNodes(left);
                        var rightNodes = member.GetNodes(right);
                        if (leftNodes.Count != rightNodes.Count)
                        {
                            return false;
                        }

                        for (var i = 0; i < leftNodes.Count; i++)
                        {
                            pending.Push((leftNodes[i], rightNodes[i]));
                        }

                        break;
                    default:
                        if (!Equals(member.Get(left), member.Get(right)))
                        {
                            return false;
                        }

                        break;
                }
            }
        }

        return true;
    }
}
