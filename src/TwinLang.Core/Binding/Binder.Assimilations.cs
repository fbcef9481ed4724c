using TwinLang.Syntax;

namespace TwinLang.Binding;

// Assimilation declarations: the target asset, observations with noise models, estimated states and
// parameters with priors, the filter and its settings, outlier rejection and reported metrics.
public sealed partial class Binder
{
    private static readonly Dictionary<string, Dictionary<string, SettingType>> Filters = new(StringComparer.Ordinal)
    {
        ["ekf"] = new() { ["inflation"] = SettingType.Number, ["jacobian"] = SettingType.Any },
        ["ensemble"] = new() { ["inflation"] = SettingType.Number, ["localization"] = SettingType.Length, ["members"] = SettingType.Int },
        ["letkf"] = new() { ["inflation"] = SettingType.Number, ["localization"] = SettingType.Length, ["members"] = SettingType.Int },
        ["particle"] = new() { ["particles"] = SettingType.Int, ["resampling"] = SettingType.Any },
        ["ukf"] = new() { ["alpha"] = SettingType.Number, ["beta"] = SettingType.Number, ["inflation"] = SettingType.Number, ["kappa"] = SettingType.Number },
    };

    private static readonly string[] Metrics = ["bias", "coverage", "crps", "innovation", "likelihood", "mae", "nees", "nis", "rmse", "spread"];

    /// <summary>Resolves the asset after <c>for</c> in an assimilation or scenario.</summary>
    private AssetSymbol? ResolveTargetAsset(FileContext file, QualifiedNameSyntax name)
    {
        var symbol = ResolveName(file, name);
        if (symbol is null or AssetSymbol)
        {
            return symbol as AssetSymbol;
        }

        Report(At(file, name.Span).NotAnAsset(name.Text, KindName(symbol)));
        return null;
    }

    private void BindAssimilation(FileContext file, AssimilationSymbol assimilation)
    {
        var target = ResolveTargetAsset(file, assimilation.Syntax.Target);
        assimilation.Target = target;
        var observations = new Dictionary<string, Symbol>(StringComparer.Ordinal);
        var context = new BindContext(file, target);
        var targetKnown = target is not null;
        foreach (var item in assimilation.Syntax.Items)
        {
            switch (item)
            {
                case ObserveSyntax observe:
                    {
                        var type = targetKnown ? BindDistribution(observe.Distribution, context, null) : ErrorType.Instance;
                        if (observe.Every is { } every)
                        {
                            CheckAssignable(TimeType, BindExpression(every, context), every.Span, context);
                        }

                        if (observe.Name.IsMissing)
                        {
                            break;
                        }

                        var observation = new ObservationSymbol(assimilation, LocationOf(file, observe.Name), observe) { Type = type };
                        if (observations.TryGetValue(observation.Name, out var existing))
                        {
                            ReportDuplicate(file, observe.Name, existing);
                            break;
                        }

                        observations.Add(observation.Name, observation);
                        assimilation.Add(observation);
                        _model.AddReference(file.Source, observe.Name.Span, observation, isDeclaration: true);
                        break;
                    }

                case EstimateSyntax estimate when targetKnown:
                    {
                        var type = BindExpression(estimate.Target, context.WithWildcard(true));
                        if (type.IsError)
                        {
                            break;
                        }

                        var variable = FinalVariable(estimate.Target, context);
                        if (variable is not { VariableKind: VariableKind.State or VariableKind.Parameter })
                        {
                            Report(At(file, estimate.Target.Span).EstimateTargetNotStateOrParameter(
                                file.Source.ToString(estimate.Target.Span), variable is null ? "not a variable" : KindName(variable)));
                            break;
                        }

                        if (estimate.Prior is { } prior)
                        {
                            BindDistribution(prior, context, variable.Type.ElementType);
                        }

                        break;
                    }

                case FilterSyntax filter:
                    assimilation.FilterName = BindChoiceCall(file, filter.Filter, "filter", Filters, context);
                    break;
                case RejectSyntax reject when targetKnown:
                    {
                        var observed = assimilation.Observations.Count > 0 ? assimilation.Observations[0].Type : RealType.Dimensionless;
                        var locals = new Dictionary<string, Symbol>(StringComparer.Ordinal)
                        {
                            ["innovation"] = new LocalSymbol(assimilation, null, "innovation") { Type = observed },
                            ["sigma"] = new LocalSymbol(assimilation, null, "sigma") { Type = observed },
                        };
                        BindCondition(reject.Condition, context.WithLocals(locals));
                        break;
                    }

                case ReportSyntax report:
                    foreach (var metric in report.Metrics)
                    {
                        if (!metric.IsMissing && Array.IndexOf(Metrics, metric.Text) < 0)
                        {
                            Report(At(file, metric.Span).UnknownChoice("metric", metric.Text, QuoteList(Metrics)));
                        }
                    }

                    break;
            }
        }
    }

    /// <summary>The variable a path such as <c>cells[*].r0</c> or <c>soc</c> ends in, if any.</summary>
    private VariableSymbol? FinalVariable(ExpressionSyntax path, BindContext context)
    {
        while (path is IndexExpressionSyntax index)
        {
            path = index.Target;
        }

        return path switch
        {
            NameExpressionSyntax name => context.Owner?.LookupMember(name.Name.Text) as VariableSymbol,
            MemberAccessExpressionSyntax access when _model.TypeOf(access.Target)?.ElementType is ObjectType target =>
                target.Symbol.LookupMember(access.Member.Text) as VariableSymbol,
            _ => null,
        };
    }
}
