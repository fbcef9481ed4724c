using TwinLang.Syntax;
using TwinLang.Text;

namespace TwinLang.Binding;

// Name resolution at file level: the file's package, its imports (single, alias, wildcard), the prelude
// (std.units and std.quantities, always in scope) and the built-in types, in that order.
public sealed partial class Binder
{
    private void ResolveImports(FileContext file)
    {
        file.Prelude.AddRange(PreludePackages());
        foreach (var import in file.Tree.Root.Imports)
        {
            if (import.Name.Parts.IsEmpty || import.Name.Parts.Any(p => p.IsMissing))
            {
                continue;
            }

            var name = import.Name.Text;
            if (import.IsWildcard)
            {
                if (FindPackage(name) is { } package)
                {
                    file.Wildcards.Add(package);
                    _model.AddReference(file.Source, import.Name.Span, package, isDeclaration: false);
                }
                else
                {
                    Report(At(file, import.Name.Span).UnknownImport(name + ".*", NameSuggester.Suggest(name, NamedPackages().Select(p => p.Name))));
                }

                continue;
            }

            var symbol = ResolveQualified(import.Name);
            if (symbol is null)
            {
                Report(At(file, import.Name.Span).UnknownImport(name, SuggestImport(import.Name)));
                continue;
            }

            _model.AddReference(file.Source, import.Name.Parts[^1].Span, symbol, isDeclaration: false);
            if (symbol is PackageSymbol)
            {
                continue;
            }

            var alias = import.Alias is { IsMissing: false } a ? a : import.Name.Parts[^1];
            if (file.Imported.TryGetValue(alias.Text, out var existing) && !ReferenceEquals(existing, symbol))
            {
                Report(At(file, alias.Span).AmbiguousName(alias.Text, existing.QualifiedName, symbol.QualifiedName));
                continue;
            }

            file.Imported[alias.Text] = symbol;
        }
    }

    private IEnumerable<PackageSymbol> NamedPackages() => _packages.Values.Where(p => p.Name.Length > 0);

    private PackageSymbol? FindPackage(string name) =>
        name.Length > 0 && _packages.TryGetValue(name, out var package) ? package : null;

    /// <summary>Resolves <c>a.b.C</c> as a package, or as a member of the longest package prefix.</summary>
    private Symbol? ResolveQualified(QualifiedNameSyntax name)
    {
        var text = name.Text;
        if (FindPackage(text) is { } package)
        {
            return package;
        }

        var lastDot = text.LastIndexOf('.');
        if (lastDot < 0)
        {
            return null;
        }

        return FindPackage(text[..lastDot]) is { } container && container.Members.TryGetValue(text[(lastDot + 1)..], out var member)
            ? member
            : null;
    }

    private string? SuggestImport(QualifiedNameSyntax name)
    {
        var text = name.Text;
        var lastDot = text.LastIndexOf('.');
        if (lastDot > 0 && FindPackage(text[..lastDot]) is { } package)
        {
            var member = NameSuggester.Suggest(text[(lastDot + 1)..], package.Members.Keys);
            return member is null ? null : $"{package.Name}.{member}";
        }

        return NameSuggester.Suggest(text, NamedPackages().SelectMany(p => p.Members.Keys.Select(k => $"{p.Name}.{k}").Prepend(p.Name)));
    }

    /// <summary>
    /// Looks a simple name up at file level. Reports TW1012 when two wildcard imports disagree and
    /// returns the first, so the use is still bound.
    /// </summary>
    private Symbol? LookupGlobal(FileContext file, NameSyntax name, bool report = true)
    {
        var text = name.Text;
        if (file.Package.Members.TryGetValue(text, out var own))
        {
            return own;
        }

        if (file.Imported.TryGetValue(text, out var imported))
        {
            return imported;
        }

        Symbol? found = null;
        foreach (var package in file.Wildcards)
        {
            if (package.Members.TryGetValue(text, out var candidate))
            {
                if (found is null)
                {
                    found = candidate;
                }
                else if (!ReferenceEquals(found, candidate) && report)
                {
                    Report(At(file, name.Span).AmbiguousName(text, found.QualifiedName, candidate.QualifiedName));
                    return found;
                }
            }
        }

        if (found is not null)
        {
            return found;
        }

        foreach (var prelude in file.Prelude)
        {
            if (prelude.Members.TryGetValue(text, out var candidate))
            {
                return candidate;
            }
        }

        return BuiltinTypeSymbol.All.FirstOrDefault(b => b.Name == text);
    }

    private IEnumerable<PackageSymbol> PreludePackages()
    {
        if (FindPackage("std.units") is { } units)
        {
            yield return units;
        }

        if (FindPackage("std.quantities") is { } quantities)
        {
            yield return quantities;
        }
    }

    private static IEnumerable<Symbol> GlobalSymbols(FileContext file) => file.VisibleGlobals();

    /// <summary>Resolves a (possibly qualified) name written in a type or callee position.</summary>
    private Symbol? ResolveName(FileContext file, QualifiedNameSyntax name, IEnumerable<string>? extraCandidates = null)
    {
        if (name.Parts.IsEmpty || name.Parts.Any(p => p.IsMissing))
        {
            return null;
        }

        Symbol? symbol;
        if (name.Parts.Length == 1)
        {
            symbol = LookupGlobal(file, name.Parts[0]);
            if (symbol is null)
            {
                var candidates = GlobalSymbols(file).Select(s => s.Name).Concat(extraCandidates ?? []);
                Report(At(file, name.Span).UndeclaredName(name.Text, NameSuggester.Suggest(name.Text, candidates)));
                return null;
            }
        }
        else
        {
            symbol = ResolveQualified(name);
            if (symbol is null)
            {
                Report(At(file, name.Span).UndeclaredName(name.Text, SuggestImport(name)));
                return null;
            }
        }

        _model.AddReference(file.Source, name.Parts[^1].Span, symbol, isDeclaration: false);
        return symbol;
    }

    private static string KindName(Symbol symbol) => symbol switch
    {
        VariableSymbol v => Article(v.VariableKind switch
        {
            VariableKind.Variable => "algebraic variable",
            VariableKind.Discrete => "discrete variable",
            VariableKind.Potential => "potential variable",
            VariableKind.Flow => "flow variable",
            _ => v.VariableKind.ToString().ToLowerInvariant(),
        }),
        _ => Article(symbol.Kind switch
        {
            SymbolKind.BuiltinType => "built-in type",
            SymbolKind.EnumMember => "enumeration literal",
            SymbolKind.FunctionParameter => "function parameter",
            SymbolKind.Local => "local value",
            SymbolKind.Enum => "enumeration",
            _ => symbol.Kind.ToString().ToLowerInvariant(),
        }),
    };

    private static string Article(string noun) => ("aeiou".Contains(noun[0], StringComparison.Ordinal) ? "an " : "a ") + noun;
}
