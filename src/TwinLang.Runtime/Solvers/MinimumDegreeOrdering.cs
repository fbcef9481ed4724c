namespace TwinLang.Runtime.Solvers;

/// <summary>
/// A fill-reducing symmetric ordering: the minimum-degree algorithm (Tinney–Walker scheme 2, as in George and
/// Liu, "The evolution of the minimum degree ordering algorithm", SIAM Review 1989) on the graph of
/// <c>A + Aᵀ</c>, eliminating on an explicit elimination graph. Ties go to the lowest index, so the ordering is
/// deterministic. Unlike bandwidth orderings it puts hub nodes (a coolant state shared by every cell) last, where
/// they cause no fill.
/// </summary>
/// <remarks>
/// The explicit graph costs memory proportional to the fill, which is small for the patterns this is used on
/// (chains, grids, arrow-shaped packs); approximate minimum degree on a quotient graph would bound it by the
/// pattern but is not needed here.
/// </remarks>
internal static class MinimumDegreeOrdering
{
    /// <summary>The elimination order: <c>result[k]</c> is the index eliminated k-th.</summary>
    public static int[] Order(SparsityPattern pattern)
    {
        var n = pattern.Rows;
        var adjacency = new HashSet<int>[n];
        for (var i = 0; i < n; i++)
        {
            adjacency[i] = [];
        }

        var rows = pattern.RowPointers;
        var columns = pattern.ColumnIndices;
        for (var i = 0; i < n; i++)
        {
            for (var entry = rows[i]; entry < rows[i + 1]; entry++)
            {
                var j = columns[entry];
                if (j != i)
                {
                    adjacency[i].Add(j);
                    adjacency[j].Add(i);
                }
            }
        }

        // A lazy heap: an entry whose recorded degree is stale is skipped when it surfaces.
        var queue = new PriorityQueue<int, (int Degree, int Node)>(n);
        for (var i = 0; i < n; i++)
        {
            queue.Enqueue(i, (adjacency[i].Count, i));
        }

        var eliminated = new bool[n];
        var order = new int[n];
        var neighbours = new List<int>();
        var count = 0;
        while (queue.TryDequeue(out var node, out var key))
        {
            if (eliminated[node] || key.Degree != adjacency[node].Count)
            {
                continue;
            }

            eliminated[node] = true;
            order[count++] = node;
            neighbours.Clear();
            neighbours.AddRange(adjacency[node]);
            neighbours.Sort();
            foreach (var a in neighbours)
            {
                adjacency[a].Remove(node);
            }

            // Eliminating a node makes its neighbours a clique: that is the fill its pivot creates.
            for (var p = 0; p < neighbours.Count; p++)
            {
                for (var q = p + 1; q < neighbours.Count; q++)
                {
                    if (adjacency[neighbours[p]].Add(neighbours[q]))
                    {
                        adjacency[neighbours[q]].Add(neighbours[p]);
                    }
                }
            }

            foreach (var a in neighbours)
            {
                queue.Enqueue(a, (adjacency[a].Count, a));
            }

            adjacency[node] = [];
        }

        return order;
    }
}
