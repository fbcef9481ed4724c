namespace TwinLang.Binding;

/// <summary>
/// Counts from a group of equations: how many scalar equations they stand for, how many elements of each
/// state's derivative they define, and the surplus connect equations of connectors whose potential and flow
/// counts differ. A null count means "not known" (a size was not constant); checks that need it are skipped.
/// </summary>
internal sealed class EquationTally
{
    public long? Count { get; private set; } = 0;

    public long? ConnectExcess { get; private set; } = 0;

    public Dictionary<VariableSymbol, long?> DerivativeCoverage { get; } = [];

    public void AddEquations(long? count) => Count = Count + count;

    public void AddConnectExcess(long? excess) => ConnectExcess = ConnectExcess + excess;

    public void AddDerivative(VariableSymbol state, long? count) =>
        DerivativeCoverage[state] = DerivativeCoverage.GetValueOrDefault(state, 0) + count;

    /// <summary>Adds <paramref name="inner"/> repeated <paramref name="factor"/> times (the body of a for-equation).</summary>
    public void Add(EquationTally inner, long? factor)
    {
        Count += inner.Count * factor;
        ConnectExcess += inner.ConnectExcess * factor;
        foreach (var (state, coverage) in inner.DerivativeCoverage)
        {
            AddDerivative(state, coverage * factor);
        }
    }
}

/// <summary>What binding one asset's own body found, for the state and balance checks of it and its heirs.</summary>
internal sealed class AssetFacts
{
    public EquationTally Tally { get; } = new();

    /// <summary>Own variables mentioned by any equation, binding or rule.</summary>
    public HashSet<VariableSymbol> OwnMentions { get; } = [];

    /// <summary>Sub-component variables mentioned by any equation or rule.</summary>
    public HashSet<(ComponentSymbol Component, VariableSymbol Variable)> ComponentMentions { get; } = [];

    /// <summary>Sub-component inputs set directly: one side of an equation, a coupling target or a modifier.</summary>
    public HashSet<(ComponentSymbol Component, VariableSymbol Variable)> SetInputs { get; } = [];

    /// <summary>Outputs assigned with <c>:=</c> in when or sampled sections: they are determined there, not by equations.</summary>
    public HashSet<VariableSymbol> AssignedOutputs { get; } = [];

    /// <summary>Own ports that take part in a connect (their flow equations come from the connection).</summary>
    public HashSet<ComponentSymbol> ConnectedOwnPorts { get; } = [];

    /// <summary>True when binding the body reported an error, so counts may be incomplete.</summary>
    public bool HasErrors { get; set; }

    /// <summary>True when the parser reported an error inside the declaration, so equations may be missing.</summary>
    public bool HasSyntaxErrors { get; set; }

    public void Merge(EquationFacts facts)
    {
        OwnMentions.UnionWith(facts.OwnMentions);
        ComponentMentions.UnionWith(facts.ComponentMentions);
    }
}
