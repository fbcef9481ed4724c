using System.Collections.Immutable;
using System.Globalization;
using TwinLang.Diagnostics;

namespace TwinLang.Lowering;

/// <summary>
/// Causalizes the flattened equations (block lower triangular form): matches every equation to the unknown it
/// determines, orders the equations by Tarjan's strongly connected components so each is evaluated after the
/// unknowns it reads, and solves each for its unknown symbolically; what must be solved simultaneously (algebraic
/// loops, unknowns that appear nonlinearly) becomes an <see cref="IrImplicitBlock"/>. Works on blocks, not elements: an equation
/// over a loop covers a range of a block, so a 100 000-cell pack sorts as fast as a 10-cell one.
/// </summary>
/// <remarks>
/// Matching is augmenting-path matching (Kuhn) where an unknown block has a capacity of its element count and
/// several equations may share it when their index ranges are disjoint (<c>der(x[1])</c>, <c>der(x[i]) for i in
/// 2..n</c>). Dependencies are block-level, which is conservative: a recurrence such as <c>y[i] = y[i-1]</c> is
/// reported as an algebraic loop.
/// </remarks>
public sealed class EquationSorter
{
    private readonly ImmutableArray<IrBlock> _blocks;
    private readonly ImmutableArray<IrEquation> _equations;
    private readonly List<Diagnostic> _diagnostics;
    private readonly List<Candidate>[] _candidates;
    private readonly Candidate?[] _match;
    private readonly Dictionary<UnknownKey, List<int>> _assigned = [];
    private readonly TwinLang.Text.SourceText? _root;
    private bool _initial;

    /// <summary>
    /// Creates a sorter that reports into <paramref name="diagnostics"/>; diagnostics about several equations
    /// prefer a location in <paramref name="root"/> (the built asset's file) over one in a library.
    /// </summary>
    public EquationSorter(ImmutableArray<IrBlock> blocks, ImmutableArray<IrEquation> equations, List<Diagnostic> diagnostics, TwinLang.Text.SourceText? root = null)
    {
        _root = root;
        _blocks = blocks;
        _equations = equations;
        _diagnostics = diagnostics;
        _candidates = new List<Candidate>[equations.Length];
        _match = new Candidate?[equations.Length];
    }

    private readonly record struct UnknownKey(IrBlock Block, bool IsDerivative)
    {
        public override string ToString() => IsDerivative ? $"der({Block.DisplayName})" : Block.DisplayName;
    }

    private sealed record Candidate(UnknownKey Key, IrVariable Reference, ImmutableArray<(int Start, int End)> Box, long Count);

    /// <summary>The algebraic loops found by <see cref="Sort"/>, in evaluation order.</summary>
    public ImmutableArray<IrImplicitBlock> ImplicitBlocks { get; private set; } = [];

    /// <summary>
    /// Matches, orders and solves; strongly connected components and equations whose unknown appears nonlinearly
    /// become implicit blocks (<see cref="ImplicitBlocks"/>). Reports TW3103, TW3104 or TW3110 and
    /// returns what could be sorted.
    /// </summary>
    public ImmutableArray<IrAssignment> Sort()
    {
        for (var e = 0; e < _equations.Length; e++)
        {
            _candidates[e] = CandidatesOf(_equations[e]);
        }

        var order = Enumerable.Range(0, _equations.Length).OrderBy(e => _candidates[e].Count).ThenBy(e => e).ToList();
        foreach (var e in order)
        {
            TryMatch(e, []);
        }

        if (!CheckComplete())
        {
            return [];
        }

        var components = StronglyConnectedComponents();
        var result = ImmutableArray.CreateBuilder<IrAssignment>();
        var implicitBlocks = ImmutableArray.CreateBuilder<IrImplicitBlock>();
        var failed = false;
        foreach (var component in components)
        {
            var members = component.Select(e => (_equations[e], (_match[e] ?? throw new InvalidOperationException("Every equation is matched here.")).Reference)).ToList();
            var (equation, reference) = members[0];
            if (component.Count == 1 && !ReadsOwnBlockElsewhere(component[0]) && IrAlgebra.Solve(equation.Left, equation.Right, reference) is { } value)
            {
                result.Add(new IrAssignment(reference, value, equation.Loops, equation.Origin));
            }
            else if (ImplicitBlockBuilder.Build(result.Count, members, out var problem) is { } loop)
            {
                // A loop, or one equation whose unknown appears nonlinearly: Newton's method solves both.
                implicitBlocks.Add(loop);
            }
            else
            {
                ReportLoop(component, problem);
                failed = true;
            }
        }

        ImplicitBlocks = failed ? [] : implicitBlocks.ToImmutable();
        return failed ? [] : result.ToImmutable();
    }

    /// <summary>
    /// A sorter for the initial equations: their unknowns are the states they mention (every other state keeps its
    /// start value), and an initial equation left without a state to determine is reported as TW3112.
    /// </summary>
    public static EquationSorter ForInitialEquations(ImmutableArray<IrBlock> blocks, ImmutableArray<IrEquation> equations, List<Diagnostic> diagnostics, TwinLang.Text.SourceText? root = null) =>
        new(blocks, equations, diagnostics, root) { _initial = true };

    private bool IsUnknown(IrVariable v) =>
        _initial ? !v.IsDerivative && v.Block.Storage == IrStorage.State
        : v.IsDerivative ? v.Block.Storage == IrStorage.State : v.Block.Storage == IrStorage.Algebraic;

    private List<Candidate> CandidatesOf(IrEquation equation)
    {
        var result = new List<Candidate>();
        var size = equation.ScalarCount;
        foreach (var reference in IrAlgebra.Variables(equation.Left).Concat(IrAlgebra.Variables(equation.Right)))
        {
            if (!IsUnknown(reference))
            {
                continue;
            }

            var box = ImmutableArray.CreateBuilder<(int, int)>();
            var used = new HashSet<IrLoop>();
            var valid = true;
            foreach (var index in reference.Indices.Items)
            {
                switch (index)
                {
                    case IrConstant c when c.Value == Math.Round(c.Value):
                        box.Add(((int)c.Value, (int)c.Value));
                        break;
                    case IrIndex { Loop: var loop } when equation.Loops.Contains(loop) && used.Add(loop):
                        box.Add((loop.Start, loop.End));
                        break;
                    case IrBinary { Left: IrIndex { Loop: var shifted }, Operator: IrBinaryOperator.Add or IrBinaryOperator.Subtract, Right: IrConstant shift }
                        when shift.Value == Math.Round(shift.Value) && equation.Loops.Contains(shifted) && used.Add(shifted):
                        // A chain of array elements (connect(r[i].n, r[i + 1].p)) determines a shifted range.
                        var delta = (int)(index is IrBinary { Operator: IrBinaryOperator.Add } ? shift.Value : -shift.Value);
                        box.Add((shifted.Start + delta, shifted.End + delta));
                        break;
                    default:
                        valid = false;
                        break;
                }
            }

            if (!valid || used.Count != equation.Loops.Length)
            {
                continue;
            }

            var candidate = new Candidate(new UnknownKey(reference.Block, reference.IsDerivative), reference, box.ToImmutable(), size);
            if (!result.Any(r => r.Key == candidate.Key && r.Box.SequenceEqual(candidate.Box)))
            {
                result.Add(candidate);
            }
        }

        return result;
    }

    /// <summary>
    /// Augmenting-path search: a candidate whose range is free is taken; otherwise the equations holding ranges
    /// that overlap it are displaced and must each find another unknown (a chain of array elements splits a block into
    /// ranges, so one candidate may free several holders). A failed attempt restores the matching.
    /// </summary>
    private bool TryMatch(int equation, HashSet<(UnknownKey, string)> visited)
    {
        foreach (var candidate in _candidates[equation])
        {
            if (!visited.Add((candidate.Key, string.Join(",", candidate.Box))))
            {
                continue;
            }

            var holders = _assigned.GetValueOrDefault(candidate.Key) ?? [];
            var overlapping = holders.Where(h => Overlaps(_match[h]?.Box ?? [], candidate.Box)).ToList();
            if (overlapping.Count == 0)
            {
                Assign(equation, candidate);
                return true;
            }

            var saved = (_match: (Candidate?[])_match.Clone(), Assigned: _assigned.ToDictionary(pair => pair.Key, pair => pair.Value.ToList()));
            foreach (var displaced in overlapping)
            {
                holders.Remove(displaced);
                _match[displaced] = null;
            }

            Assign(equation, candidate);
            if (overlapping.All(displaced => TryMatch(displaced, visited)))
            {
                return true;
            }

            Array.Copy(saved._match, _match, _match.Length);
            _assigned.Clear();
            foreach (var (key, list) in saved.Assigned)
            {
                _assigned[key] = list;
            }
        }

        return false;
    }

    private void Assign(int equation, Candidate candidate)
    {
        _match[equation] = candidate;
        if (!_assigned.TryGetValue(candidate.Key, out var holders))
        {
            holders = [];
            _assigned[candidate.Key] = holders;
        }

        holders.Add(equation);
    }

    private static bool Overlaps(ImmutableArray<(int Start, int End)> a, ImmutableArray<(int Start, int End)> b)
    {
        for (var k = 0; k < Math.Min(a.Length, b.Length); k++)
        {
            if (a[k].End < b[k].Start || b[k].End < a[k].Start)
            {
                return false;
            }
        }

        return true;
    }

    private bool CheckComplete()
    {
        var unmatched = Enumerable.Range(0, _equations.Length).Where(e => _match[e] is null).ToList();
        if (_initial)
        {
            return unmatched.Count == 0 || ReportOverdeterminedInitialization(unmatched);
        }

        var uncovered = new List<UnknownKey>();
        foreach (var block in _blocks)
        {
            foreach (var key in new[] { new UnknownKey(block, false), new UnknownKey(block, true) })
            {
                if (!IsUnknown(new IrVariable(block, IrIndexList.Empty, key.IsDerivative)))
                {
                    continue;
                }

                var covered = (_assigned.GetValueOrDefault(key) ?? []).Sum(e => _match[e]?.Count ?? 0);
                if (covered < block.Count)
                {
                    uncovered.Add(key);
                }
            }
        }

        if (unmatched.Count == 0 && uncovered.Count == 0)
        {
            return true;
        }

        var origin = unmatched.Count > 0 ? _equations[unmatched[0]].Origin : uncovered[0].Block.Origin;
        var overDetermined = OverDetermined(unmatched);
        bool MentionsState(int e) => StatesIn(_equations[e]).Any();
        var states = overDetermined.SelectMany(e => StatesIn(_equations[e])).Distinct(StringComparer.Ordinal).ToList();
        if (unmatched.Count > 0 && states.Count > 0)
        {
            // States are known while sorting, so equations that relate only states (two capacitors in parallel) are
            // left without an unknown: the constraint between the states hides a derivative (index > 1).
            var involved = overDetermined.Where(MentionsState).Concat(overDetermined.Where(e => !MentionsState(e))).ToList();
            var at = involved.Select(e => _equations[e].Origin).FirstOrDefault(o => ReferenceEquals(o.Source, _root)) ?? _equations[involved[0]].Origin;
            states.Sort(StringComparer.Ordinal);
            var described = involved.Select(e => DescribeFlattened(_equations[e])).Distinct(StringComparer.Ordinal);
            _diagnostics.Add(DiagnosticCatalog.At(at.Source, at.Span).HighIndexSystem(List(described), List(states.Select(s => $"'{s}'")), states[^1]));
            return false;
        }

        var equations = overDetermined.Count == 0 ? "(none)" : List(overDetermined.Select(e => Describe(_equations[e])));
        var variables = uncovered.Count == 0 ? "(none)" : List(uncovered.Select(k => $"'{k}'"));
        _diagnostics.Add(DiagnosticCatalog.At(origin.Source, origin.Span).StructurallySingular(equations, variables));
        return false;
    }

    private bool ReportOverdeterminedInitialization(List<int> unmatched)
    {
        var involved = OverDetermined(unmatched);
        var states = involved.SelectMany(e => StatesIn(_equations[e])).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var origin = _equations[unmatched[0]].Origin;
        _diagnostics.Add(DiagnosticCatalog.At(origin.Source, origin.Span).InitialSystemOverdetermined(
            List(involved.Select(e => Describe(_equations[e]))),
            states.Count == 0 ? "no state" : List(states.Select(s => $"'{s}'")),
            Describe(_equations[unmatched[0]])));
        return false;
    }

    /// <summary>
    /// The over-determined part of the system (Dulmage–Mendelsohn): the unmatched equations and every equation an
    /// alternating path reaches from them, i.e. the equations competing for the same unknowns; unmatched first.
    /// </summary>
    private List<int> OverDetermined(List<int> unmatched)
    {
        var seen = new HashSet<int>(unmatched);
        var result = new List<int>(unmatched);
        for (var k = 0; k < result.Count; k++)
        {
            foreach (var candidate in _candidates[result[k]])
            {
                foreach (var holder in _assigned.GetValueOrDefault(candidate.Key) ?? [])
                {
                    if (_match[holder] is { } held && Overlaps(held.Box, candidate.Box) && seen.Add(holder))
                    {
                        result.Add(holder);
                    }
                }
            }
        }

        return result;
    }

    /// <summary>An equation with flattened names (several instances share one source line), and where it comes from.</summary>
    private static string DescribeFlattened(IrEquation equation)
    {
        static string Side(IrExpression e) => e is IrBinary b ? IrPrinter.Expression(b)[1..^1] : IrPrinter.Expression(e);
        var loops = equation.Loops.IsEmpty ? string.Empty : " for " + string.Join(", ", equation.Loops);
        return $"'{Side(equation.Left)} = {Side(equation.Right)}{loops}' ({equation.Origin.Display})";
    }

    private static IEnumerable<string> StatesIn(IrEquation equation) =>
        IrAlgebra.Variables(equation.Left).Concat(IrAlgebra.Variables(equation.Right))
            .Where(v => v.Block.Storage == IrStorage.State && !v.IsDerivative)
            .Select(v => v.Block.DisplayName)
            .Distinct(StringComparer.Ordinal);

    private static string List(IEnumerable<string> items)
    {
        var all = items.ToList();
        return all.Count <= 6 ? string.Join(", ", all) : string.Join(", ", all.Take(6)) + string.Create(CultureInfo.InvariantCulture, $" and {all.Count - 6} more");
    }

    private static string Describe(IrEquation equation)
    {
        var text = equation.Origin.Text.ReplaceLineEndings(" ");
        return $"'{(text.Length > 60 ? text[..57] + "..." : text)}' ({equation.Origin.Display})";
    }

    private IEnumerable<int> Dependencies(int equation)
    {
        var own = _match[equation];
        var result = new SortedSet<int>();
        var e = _equations[equation];
        foreach (var reference in IrAlgebra.Variables(e.Left).Concat(IrAlgebra.Variables(e.Right)))
        {
            if (!IsUnknown(reference) || reference.Equals(own?.Reference))
            {
                continue;
            }

            foreach (var holder in _assigned.GetValueOrDefault(new UnknownKey(reference.Block, reference.IsDerivative)) ?? [])
            {
                if (holder != equation)
                {
                    result.Add(holder);
                }
            }
        }

        return result;
    }

    private bool ReadsOwnBlockElsewhere(int equation)
    {
        var own = _match[equation];
        if (own is null)
        {
            return false;
        }

        var e = _equations[equation];
        return IrAlgebra.Variables(e.Left).Concat(IrAlgebra.Variables(e.Right))
            .Any(r => r.Block == own.Key.Block && r.IsDerivative == own.Key.IsDerivative && !r.Equals(own.Reference));
    }

    /// <summary>Tarjan's algorithm; components come out dependencies first, which is evaluation order.</summary>
    private List<List<int>> StronglyConnectedComponents()
    {
        var index = new int[_equations.Length];
        var low = new int[_equations.Length];
        var onStack = new bool[_equations.Length];
        Array.Fill(index, -1);
        var stack = new Stack<int>();
        var components = new List<List<int>>();
        var counter = 0;
        var edges = Enumerable.Range(0, _equations.Length).Select(e => Dependencies(e).ToArray()).ToArray();

        void Visit(int v)
        {
            index[v] = low[v] = counter++;
            stack.Push(v);
            onStack[v] = true;
            foreach (var w in edges[v])
            {
                if (index[w] < 0)
                {
                    Visit(w);
                    low[v] = Math.Min(low[v], low[w]);
                }
                else if (onStack[w])
                {
                    low[v] = Math.Min(low[v], index[w]);
                }
            }

            if (low[v] == index[v])
            {
                var component = new List<int>();
                int w;
                do
                {
                    w = stack.Pop();
                    onStack[w] = false;
                    component.Add(w);
                }
                while (w != v);
                component.Sort();
                components.Add(component);
            }
        }

        for (var v = 0; v < _equations.Length; v++)
        {
            if (index[v] < 0)
            {
                Visit(v);
            }
        }

        return components;
    }

    private void ReportLoop(List<int> component, string problem)
    {
        var origin = _equations[component[0]].Origin;
        var variables = component.Select(e => _match[e]).OfType<Candidate>().Select(c => $"'{c.Key}'").Distinct();
        _diagnostics.Add(DiagnosticCatalog.At(origin.Source, origin.Span).AlgebraicLoop(List(component.Select(e => Describe(_equations[e]))), List(variables), problem));
    }
}
