using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using TwinLang.Binding;
using TwinLang.Diagnostics;
using TwinLang.Syntax;

namespace TwinLang.Lowering;

// Connections: connect equations, also inside loops and between ports of component arrays, join port elements
// into connection sets (union-find over elements: linear in the array sizes, but no per-element IR). Sets of the
// same shape at consecutive elements fold back into one equation over a loop, and the big set a ground or bus
// forms with every element of an array becomes a loop and a sum, so the IR stays independent of array sizes.
public sealed partial class ModelLowerer
{
    /// <summary>One connect clause: two ports with their element index (null for a scalar port), over its loops.</summary>
    private sealed record Connection(LoweredInstance First, IrExpression? FirstIndex, LoweredInstance Second, IrExpression? SecondIndex, ImmutableArray<IrLoop> Loops, IrOrigin Origin);

    /// <summary>A member of a connection set as it appears in the IR: one element, or a range of one port's elements.</summary>
    private sealed record SetMember(LoweredInstance Port, int Offset, int End, bool IsRange);

    /// <summary>
    /// Potentials of a connection set are equal, flows sum to zero. A port element of a sub-component that
    /// nothing connects carries no current: its flows are zero.
    /// </summary>
    private void LowerConnections()
    {
        var starts = new int[_ports.Count + 1];
        var portIndex = new Dictionary<LoweredInstance, int>(ReferenceEqualityComparer.Instance);
        for (var p = 0; p < _ports.Count; p++)
        {
            portIndex[_ports[p]] = p;
            starts[p + 1] = starts[p] + Math.Max(1, ElementCount(_ports[p]));
        }

        var total = starts[^1];
        var parent = new int[total];
        Array.Fill(parent, -1);
        var origins = new IrOrigin?[total];
        int Find(int id)
        {
            while (parent[id] != id)
            {
                parent[id] = parent[parent[id]];
                id = parent[id];
            }

            return id;
        }

        foreach (var connection in _connections)
        {
            foreach (var values in LoopValues(connection.Loops))
            {
                var first = ElementId(connection.First, connection.FirstIndex, values, starts, portIndex, connection.Origin);
                var second = ElementId(connection.Second, connection.SecondIndex, values, starts, portIndex, connection.Origin);
                if (first < 0 || second < 0)
                {
                    break;
                }

                foreach (var id in new[] { first, second })
                {
                    if (parent[id] < 0)
                    {
                        parent[id] = id;
                        origins[id] = connection.Origin;
                    }
                }

                var (rootA, rootB) = (Find(first), Find(second));
                if (rootA != rootB)
                {
                    // The smaller id stays the root, so a set's root is its first member in port order.
                    parent[Math.Max(rootA, rootB)] = Math.Min(rootA, rootB);
                }
            }
        }

        var portOf = new int[total];
        for (var p = 0; p < _ports.Count; p++)
        {
            Array.Fill(portOf, p, starts[p], starts[p + 1] - starts[p]);
        }

        int ElementOf(int id) => _ports[portOf[id]].Dimensions.IsEmpty ? 0 : id - starts[portOf[id]] + 1;

        var sets = new Dictionary<int, List<int>>();
        var roots = new List<int>();
        for (var id = 0; id < total; id++)
        {
            if (parent[id] >= 0)
            {
                var root = Find(id);
                if (!sets.TryGetValue(root, out var members))
                {
                    members = [];
                    sets[root] = members;
                    roots.Add(root);
                }

                members.Add(id);
            }
        }

        // Sets with the same shape relative to their first member, at consecutive elements, form one family.
        var families = new Dictionary<string, List<(int Anchor, List<int> Members)>>(StringComparer.Ordinal);
        var familyOrder = new List<string>();
        foreach (var root in roots)
        {
            var members = sets[root];
            var anchor = ElementOf(members[0]);
            var key = new StringBuilder();
            foreach (var id in members)
            {
                var port = _ports[portOf[id]];
                key.Append(portOf[id].ToString(CultureInfo.InvariantCulture)).Append(port.Dimensions.IsEmpty ? "s" : ":" + (ElementOf(id) - anchor).ToString(CultureInfo.InvariantCulture)).Append(';');
            }

            var text = key.ToString();
            if (!families.TryGetValue(text, out var family))
            {
                family = [];
                families[text] = family;
                familyOrder.Add(text);
            }

            family.Add((anchor, members));
        }

        foreach (var key in familyOrder)
        {
            var family = families[key];
            var run = 0;
            for (var k = 1; k <= family.Count; k++)
            {
                if (k < family.Count && family[k].Anchor == family[k - 1].Anchor + 1)
                {
                    continue;
                }

                var (firstAnchor, members) = family[run];
                var origin = origins[members[0]] ?? throw new InvalidOperationException("Every connected element has an origin.");
                if (k - run == 1)
                {
                    EmitConnectionSet(Compress(members, portOf, ElementOf), null, origin);
                }
                else
                {
                    var loop = NewLoop("k", firstAnchor, family[k - 1].Anchor);
                    var shape = members.Select(id => new SetMember(_ports[portOf[id]], ElementOf(id) - firstAnchor, 0, IsRange: false)).ToList();
                    EmitConnectionSet(shape, loop, origin);
                }

                run = k;
            }
        }

        for (var p = 0; p < _ports.Count; p++)
        {
            var port = _ports[p];
            if (port.Path.Length > 1)
            {
                ZeroUnconnectedFlows(port, Enumerable.Range(starts[p], starts[p + 1] - starts[p]).Select(id => parent[id] < 0).ToArray());
            }
        }
    }

    private static int ElementCount(LoweredInstance port) => port.Dimensions.Aggregate(1, (count, size) => count * size);

    /// <summary>Every combination of values of <paramref name="loops"/>, the last loop fastest (one dictionary reused).</summary>
    private static IEnumerable<Dictionary<IrLoop, int>> LoopValues(ImmutableArray<IrLoop> loops)
    {
        if (loops.Any(l => l.Count == 0))
        {
            yield break;
        }

        var values = loops.ToDictionary(l => l, l => l.Start);
        while (true)
        {
            yield return values;
            var k = loops.Length - 1;
            while (k >= 0 && values[loops[k]] == loops[k].End)
            {
                values[loops[k]] = loops[k].Start;
                k--;
            }

            if (k < 0)
            {
                yield break;
            }

            values[loops[k]]++;
        }
    }

    /// <summary>The element id of a port reference for the given loop values, or -1 (reported) when out of range.</summary>
    private int ElementId(LoweredInstance port, IrExpression? index, Dictionary<IrLoop, int> values, int[] starts, Dictionary<LoweredInstance, int> portIndex, IrOrigin origin)
    {
        var p = portIndex[port];
        if (index is null)
        {
            return starts[p];
        }

        var value = IndexValue(index, values);
        var size = ElementCount(port);
        if (value is not { } element || element != Math.Round(element) || element < 1 || element > size)
        {
            var shown = value is { } v ? v.ToString(CultureInfo.InvariantCulture) : "?";
            Report(DiagnosticCatalog.At(origin.Source, origin.Span).ConnectIndexOutOfRange(port.DisplayName, shown, size));
            return -1;
        }

        return starts[p] + (int)element - 1;
    }

    private static double? IndexValue(IrExpression index, Dictionary<IrLoop, int> values) => index switch
    {
        IrConstant c => c.Value,
        IrIndex i => values.TryGetValue(i.Loop, out var v) ? v : null,
        IrUnary { Operator: IrUnaryOperator.Negate } u => -IndexValue(u.Operand, values),
        IrBinary { Operator: <= IrBinaryOperator.Power } b when IndexValue(b.Left, values) is { } l && IndexValue(b.Right, values) is { } r =>
            IrAlgebra.Evaluate(new IrBinary(new IrConstant(l), b.Operator, new IrConstant(r))),
        _ => null,
    };

    /// <summary>A single set's members, with runs of consecutive elements of one port (after the first member) as ranges.</summary>
    private List<SetMember> Compress(List<int> members, int[] portOf, Func<int, int> elementOf)
    {
        var result = new List<SetMember> { new(_ports[portOf[members[0]]], elementOf(members[0]), 0, IsRange: false) };
        for (var m = 1; m < members.Count; m++)
        {
            var port = _ports[portOf[members[m]]];
            var start = elementOf(members[m]);
            var end = start;
            while (!port.Dimensions.IsEmpty && m + 1 < members.Count && portOf[members[m + 1]] == portOf[members[m]] && elementOf(members[m + 1]) == end + 1)
            {
                m++;
                end++;
            }

            result.Add(new SetMember(port, start, end, IsRange: end > start));
        }

        return result;
    }

    /// <summary>
    /// The equations of one set (<paramref name="loop"/> null, offsets are elements) or of a family of sets
    /// (offsets are relative to the loop's index).
    /// </summary>
    private void EmitConnectionSet(List<SetMember> members, IrLoop? loop, IrOrigin origin)
    {
        ImmutableArray<IrLoop> loops = loop is null ? [] : [loop];
        ImmutableArray<IrExpression> Index(SetMember member)
        {
            if (member.Port.Dimensions.IsEmpty)
            {
                return [];
            }

            IrExpression index = loop is null
                ? new IrConstant(member.Offset)
                : IrAlgebra.Binary(new IrIndex(loop), member.Offset < 0 ? IrBinaryOperator.Subtract : IrBinaryOperator.Add, new IrConstant(Math.Abs(member.Offset)));
            return [index];
        }

        var anchor = members[0];
        foreach (var variable in anchor.Port.Type.Variables)
        {
            if (variable.VariableKind is not (VariableKind.Potential or VariableKind.Flow) ||
                members.Any(m => !m.Port.Blocks.ContainsKey(variable)))
            {
                continue;
            }

            var reference = IrAlgebra.Variable(anchor.Port.Blocks[variable], Index(anchor));
            if (variable.VariableKind == VariableKind.Potential)
            {
                foreach (var member in members.Skip(1))
                {
                    if (member.IsRange)
                    {
                        var range = NewLoop("k", member.Offset, member.End);
                        _equations.Add(new IrEquation(reference, IrAlgebra.Variable(member.Port.Blocks[variable], [new IrIndex(range)]), [range], origin));
                    }
                    else
                    {
                        _equations.Add(new IrEquation(reference, IrAlgebra.Variable(member.Port.Blocks[variable], Index(member)), loops, origin));
                    }
                }

                continue;
            }

            IrExpression sum = reference;
            foreach (var member in members.Skip(1))
            {
                IrExpression term;
                if (member.IsRange)
                {
                    var range = NewLoop("k", member.Offset, member.End);
                    term = new IrReduction(IrReductionKind.Sum, range, IrAlgebra.Variable(member.Port.Blocks[variable], [new IrIndex(range)]));
                }
                else
                {
                    term = IrAlgebra.Variable(member.Port.Blocks[variable], Index(member));
                }

                sum = IrAlgebra.Binary(sum, IrBinaryOperator.Add, term);
            }

            _equations.Add(new IrEquation(sum, IrConstant.Zero, loops, origin));
        }
    }

    /// <summary>Zero flows for the elements of <paramref name="port"/> no connect reaches, one equation per run of elements.</summary>
    private void ZeroUnconnectedFlows(LoweredInstance port, bool[] unconnected)
    {
        foreach (var (variable, block) in port.Blocks)
        {
            if (variable.VariableKind != VariableKind.Flow)
            {
                continue;
            }

            if (port.Dimensions.Length > 1)
            {
                // Ports of multi-dimensional arrays cannot be connected (TW3100), so every element is free.
                var all = block.Sizes.Select((size, k) => NewLoop("c" + k.ToString(CultureInfo.InvariantCulture), 1, size)).ToImmutableArray();
                _equations.Add(new IrEquation(IrAlgebra.Variable(block, [.. all.Select(l => (IrExpression)new IrIndex(l))]), IrConstant.Zero, all, block.Origin));
                continue;
            }

            for (var start = 0; start < unconnected.Length; start++)
            {
                if (!unconnected[start])
                {
                    continue;
                }

                var end = start;
                while (end + 1 < unconnected.Length && unconnected[end + 1])
                {
                    end++;
                }

                if (port.Dimensions.IsEmpty)
                {
                    _equations.Add(new IrEquation(IrAlgebra.Variable(block, []), IrConstant.Zero, [], block.Origin));
                }
                else
                {
                    var loop = NewLoop("c0", start + 1, end + 1);
                    _equations.Add(new IrEquation(IrAlgebra.Variable(block, [new IrIndex(loop)]), IrConstant.Zero, [loop], block.Origin));
                }

                start = end;
            }
        }
    }
}
