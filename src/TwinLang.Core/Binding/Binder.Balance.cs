using TwinLang.Syntax;

namespace TwinLang.Binding;

// Per-asset checks once every body is bound: each state has exactly one equation containing its der(),
// and equations balance unknowns as Modelica tools count them. Connector counting follows Modelica's
// balanced-model rule: an own port contributes its potential variables (its flows are supplied by the
// parent's connections), the flows of sub-component ports cancel against the connection equations, and a
// connect adds (potentials - flows) equations beyond that, plus one flow equation per own port it joins.
public sealed partial class Binder
{
    private void CheckAssets()
    {
        foreach (var package in _packages.Values)
        {
            foreach (var asset in package.Members.Values.OfType<AssetSymbol>())
            {
                if (!_fileOf.TryGetValue(asset, out var file) || !_assetFacts.ContainsKey(asset))
                {
                    continue;
                }

                var chain = asset.SelfAndBases().OfType<AssetSymbol>().Select(a => _assetFacts.GetValueOrDefault(a)).OfType<AssetFacts>().ToList();
                if (chain.Exists(f => f.HasSyntaxErrors))
                {
                    // Equations the parser could not read would be missing from every count.
                    continue;
                }

                // A missing or doubled der() equation already explains an imbalance; say it once.
                if (CheckStates(file, asset, chain) && chain.TrueForAll(f => !f.HasErrors))
                {
                    CheckBalance(file, asset, chain);
                }
            }
        }
    }

    private bool CheckStates(FileContext file, AssetSymbol asset, List<AssetFacts> chain)
    {
        var ok = true;
        foreach (var state in asset.OwnMembers.OfType<VariableSymbol>().Where(v => v.VariableKind == VariableKind.State))
        {
            long? coverage = 0;
            foreach (var facts in chain)
            {
                coverage += facts.Tally.DerivativeCoverage.GetValueOrDefault(state, 0);
            }

            if (coverage == 0)
            {
                Report(At(file, state.Syntax.Name.Span).StateWithoutDerivative(state.Name));
                ok = false;
            }
            else if (coverage > ElementCount(state.Type))
            {
                Report(At(file, state.Syntax.Name.Span).StateWithSeveralDerivatives(state.Name, (int)Math.Min(int.MaxValue, coverage ?? 0)));
                ok = false;
            }
        }

        return ok;
    }

    private void CheckBalance(FileContext file, AssetSymbol asset, List<AssetFacts> chain)
    {
        long? equations = 0;
        var assignedOutputs = new HashSet<VariableSymbol>();
        var ownMentions = new HashSet<VariableSymbol>();
        var componentMentions = new HashSet<(ComponentSymbol, VariableSymbol)>();
        var setInputs = new HashSet<(ComponentSymbol, VariableSymbol)>();
        var connectedPorts = new HashSet<ComponentSymbol>();
        foreach (var facts in chain)
        {
            equations += facts.Tally.Count + facts.Tally.ConnectExcess;
            assignedOutputs.UnionWith(facts.AssignedOutputs);
            ownMentions.UnionWith(facts.OwnMentions);
            componentMentions.UnionWith(facts.ComponentMentions);
            setInputs.UnionWith(facts.SetInputs);
            connectedPorts.UnionWith(facts.ConnectedOwnPorts);
        }

        long? unknowns = 0;
        var unmentioned = new List<string>();
        foreach (var variable in asset.Variables)
        {
            if (variable.VariableKind is VariableKind.Output or VariableKind.Variable or VariableKind.State && !assignedOutputs.Contains(variable))
            {
                unknowns += ElementCount(variable.Type);
                if (!ownMentions.Contains(variable))
                {
                    unmentioned.Add(variable.Name);
                }
            }
        }

        foreach (var component in asset.Components)
        {
            if (component.ComponentType is not { } type)
            {
                return;
            }

            var instances = ElementCount(component.Type);
            if (component.IsPort)
            {
                var potentials = type.Variables.Where(v => v.VariableKind != VariableKind.Flow).Sum(v => ElementCount(v.Type));
                unknowns += potentials * instances;
                if (connectedPorts.Contains(component))
                {
                    equations += type.Variables.Where(v => v.VariableKind == VariableKind.Flow).Sum(v => ElementCount(v.Type)) * instances;
                }

                continue;
            }

            foreach (var input in type.Variables.Where(v => v.VariableKind == VariableKind.Input))
            {
                if (input.Value is null || setInputs.Contains((component, input)))
                {
                    unknowns += ElementCount(input.Type) * instances;
                    if (!componentMentions.Contains((component, input)))
                    {
                        unmentioned.Add($"{component.Name}.{input.Name}");
                    }
                }
            }
        }

        if (equations is not { } e || unknowns is not { } u || e == u)
        {
            return;
        }

        Report(At(file, asset.Declaration.Name.Span).UnbalancedAsset(asset.Name, e, u, unmentioned));
    }
}
