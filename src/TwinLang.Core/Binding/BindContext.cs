using TwinLang.Syntax;

namespace TwinLang.Binding;

/// <summary>
/// Where an expression is bound: the file, the asset whose members are in scope, the local names
/// (iterators, lets, function parameters, <c>innovation</c>/<c>sigma</c>), what is allowed there, and the
/// facts gathered for equation checks. Immutable; <c>With*</c> methods derive inner contexts.
/// </summary>
internal sealed class BindContext
{
    public BindContext(FileContext file, StructuredTypeSymbol? owner)
    {
        File = file;
        Owner = owner;
    }

    private BindContext(BindContext other)
    {
        File = other.File;
        Owner = other.Owner;
        Locals = other.Locals;
        Parent = other.Parent;
        AllowDer = other.AllowDer;
        AllowWildcard = other.AllowWildcard;
        Facts = other.Facts;
    }

    public FileContext File { get; }

    /// <summary>The asset or connector whose members are in scope, if any.</summary>
    public StructuredTypeSymbol? Owner { get; }

    public IReadOnlyDictionary<string, Symbol>? Locals { get; private init; }

    public BindContext? Parent { get; private init; }

    /// <summary>True in (non-initial) equations, where <c>der()</c> may appear.</summary>
    public bool AllowDer { get; private init; }

    /// <summary>True inside reductions and estimate targets, where <c>[*]</c> may appear.</summary>
    public bool AllowWildcard { get; private init; }

    /// <summary>Where der() uses and variable mentions of the current equation are recorded.</summary>
    public EquationFacts? Facts { get; private init; }

    public BindContext WithLocals(IReadOnlyDictionary<string, Symbol> locals) => new(this) { Locals = locals, Parent = this };

    public BindContext WithDer(bool allow) => new(this) { AllowDer = allow };

    public BindContext WithWildcard(bool allow) => new(this) { AllowWildcard = allow };

    public BindContext WithFacts(EquationFacts? facts) => new(this) { Facts = facts };

    public Symbol? LookupLocal(string name)
    {
        for (var context = this; context is not null; context = context.Parent)
        {
            if (context.Locals is not null && context.Locals.TryGetValue(name, out var symbol))
            {
                return symbol;
            }
        }

        return null;
    }

    public IEnumerable<Symbol> AllLocals()
    {
        for (var context = this; context is not null; context = context.Parent)
        {
            if (context.Locals is not null)
            {
                foreach (var symbol in context.Locals.Values)
                {
                    yield return symbol;
                }
            }
        }
    }
}

/// <summary>What binding one equation (or rule) found: the states whose der() it contains and the variables it mentions.</summary>
internal sealed class EquationFacts
{
    public HashSet<VariableSymbol> Derivatives { get; } = [];

    /// <summary>Variables of the asset itself that the equation mentions.</summary>
    public HashSet<VariableSymbol> OwnMentions { get; } = [];

    /// <summary>Variables of sub-components the equation mentions, with the component they are reached through.</summary>
    public HashSet<(ComponentSymbol Component, VariableSymbol Variable)> ComponentMentions { get; } = [];
}
