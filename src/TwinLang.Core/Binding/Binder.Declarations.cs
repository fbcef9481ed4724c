using System.Collections.Immutable;
using System.Text.RegularExpressions;
using TwinLang.Syntax;

namespace TwinLang.Binding;

// Phase 1: one symbol per declaration, packages merged across files, duplicates reported at the second.
public sealed partial class Binder
{
    private static readonly string[] KnownAnnotations = ["deprecated", "display", "experimental", "semantic"];

    private static readonly Regex SemanticVersion = new(
        @"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$",
        RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    private void DeclareFile(SyntaxTree tree)
    {
        var root = tree.Root;
        var header = root.Package;
        string key;
        string name;
        if (header is not null && !header.Name.Parts.Any(p => p.IsMissing))
        {
            name = header.Name.Text;
            key = name;
        }
        else
        {
            // Files without a package belong to the unnamed package of their folder.
            name = string.Empty;
            key = "\0" + (Path.GetDirectoryName(tree.Text.Path) ?? string.Empty);
        }

        if (!_packages.TryGetValue(key, out var package))
        {
            package = new PackageSymbol(name, header is null ? null : new SymbolLocation(tree.Text, header.Name.Span));
            _packages.Add(key, package);
        }

        var file = new FileContext(tree, package);
        _files.Add(file);
        _model.AddFile(file);
        if (header?.Version is { } version)
        {
            if (!SemanticVersion.IsMatch(version.Value))
            {
                Report(At(file, version.Span).InvalidPackageVersion(version.Value));
            }
            else
            {
                package.Version ??= version.Value;
            }
        }

        if (header is not null)
        {
            _model.AddReference(file.Source, header.Name.Span, package, isDeclaration: true);
        }

        foreach (var declaration in root.Members)
        {
            CheckAnnotations(file, declaration.Annotations);
            if (declaration is ErrorDeclarationSyntax || declaration.Name.IsMissing)
            {
                continue;
            }

            var symbol = CreateSymbol(file, package, declaration);
            if (symbol is null)
            {
                continue;
            }

            if (package.Members.TryGetValue(symbol.Name, out var existing))
            {
                if (symbol.Kind == existing.Kind && symbol.Kind is SymbolKind.Unit or SymbolKind.Quantity)
                {
                    // The units phase reports duplicate units (TW2005) and quantities (TW2011).
                    continue;
                }

                ReportDuplicate(file, declaration.Name, existing);
                continue;
            }

            package.TryAdd(symbol);
            _fileOf[symbol] = file;
            _model.AddReference(file.Source, declaration.Name.Span, symbol, isDeclaration: true);
            _model.AddDeclaration(symbol, declaration);
        }
    }

    private Symbol? CreateSymbol(FileContext file, PackageSymbol package, DeclarationSyntax declaration)
    {
        var location = LocationOf(file, declaration.Name);
        switch (declaration)
        {
            case QuantityDeclarationSyntax quantity:
                return new QuantitySymbol(package, location, quantity) { DocComment = quantity.DocComment, Annotations = quantity.Annotations };
            case UnitDeclarationSyntax unit:
                return new UnitSymbol(package, location, unit) { DocComment = unit.DocComment, Annotations = unit.Annotations };
            case EnumDeclarationSyntax enumeration:
                return DeclareEnum(file, package, location, enumeration);
            case FunctionDeclarationSyntax:
                return new CallableSymbol(SymbolKind.Function, package, location, declaration) { DocComment = declaration.DocComment, Annotations = declaration.Annotations };
            case TableDeclarationSyntax:
                return new CallableSymbol(SymbolKind.Table, package, location, declaration) { DocComment = declaration.DocComment, Annotations = declaration.Annotations };
            case SurrogateDeclarationSyntax:
                return new CallableSymbol(SymbolKind.Surrogate, package, location, declaration) { DocComment = declaration.DocComment, Annotations = declaration.Annotations };
            case ConnectorDeclarationSyntax connector:
                {
                    var symbol = new ConnectorSymbol(connector.Name.Text, package, location, connector) { DocComment = connector.DocComment, Annotations = connector.Annotations };
                    foreach (var member in connector.Members)
                    {
                        DeclareMember(file, symbol, member);
                    }

                    return symbol;
                }

            case AssetDeclarationSyntax asset:
                {
                    var symbol = new AssetSymbol(asset.Name.Text, package, location, asset) { DocComment = asset.DocComment, Annotations = asset.Annotations };
                    foreach (var member in asset.Members)
                    {
                        DeclareMember(file, symbol, member);
                    }

                    return symbol;
                }

            case AssimilationDeclarationSyntax assimilation:
                return new AssimilationSymbol(package, location, assimilation) { DocComment = assimilation.DocComment, Annotations = assimilation.Annotations };
            case ScenarioDeclarationSyntax scenario:
                return new ScenarioSymbol(package, location, scenario) { DocComment = scenario.DocComment, Annotations = scenario.Annotations };
            default:
                return null;
        }
    }

    private EnumSymbol DeclareEnum(FileContext file, PackageSymbol package, SymbolLocation location, EnumDeclarationSyntax syntax)
    {
        var symbol = new EnumSymbol(package, location, syntax) { DocComment = syntax.DocComment, Annotations = syntax.Annotations };
        var seen = new Dictionary<string, EnumMemberSymbol>(StringComparer.Ordinal);
        foreach (var member in syntax.Members)
        {
            if (member.Name.IsMissing)
            {
                continue;
            }

            if (seen.TryGetValue(member.Name.Text, out var first))
            {
                ReportDuplicate(file, member.Name, first);
                continue;
            }

            var literal = new EnumMemberSymbol(symbol, LocationOf(file, member.Name), member.Name.Text, symbol.Members.Count) { DocComment = member.DocComment };
            seen.Add(literal.Name, literal);
            symbol.Add(literal);
            _model.AddReference(file.Source, member.Name.Span, literal, isDeclaration: true);
        }

        return symbol;
    }

    private void DeclareMember(FileContext file, StructuredTypeSymbol owner, MemberSyntax member)
    {
        Symbol symbol;
        NameSyntax name;
        switch (member)
        {
            case VariableDeclarationSyntax variable:
                CheckAnnotations(file, variable.Annotations);
                name = variable.Name;
                symbol = new VariableSymbol(owner, LocationOf(file, name), variable) { DocComment = variable.DocComment, Annotations = variable.Annotations };
                break;
            case ComponentDeclarationSyntax component:
                CheckAnnotations(file, component.Annotations);
                name = component.Name;
                symbol = new ComponentSymbol(owner, LocationOf(file, name), component) { DocComment = component.DocComment, Annotations = component.Annotations };
                break;
            case CouplingSyntax coupling when owner is AssetSymbol asset:
                name = coupling.Name;
                symbol = new CouplingSymbol(asset, LocationOf(file, name), coupling) { DocComment = coupling.DocComment };
                break;
            default:
                return;
        }

        if (name.IsMissing)
        {
            return;
        }

        if (owner.TryAddOwn(symbol) is { } existing)
        {
            ReportDuplicate(file, name, existing);
            return;
        }

        _model.AddReference(file.Source, name.Span, symbol, isDeclaration: true);
    }

    private void ReportDuplicate(FileContext file, NameSyntax name, Symbol first)
    {
        var where = first.Location is { } location ? Describe(location) : "the standard library";
        Report(At(file, name.Span).DuplicateDeclaration(name.Text, where));
    }

    private void CheckAnnotations(FileContext file, ImmutableArray<AnnotationSyntax> annotations)
    {
        foreach (var annotation in annotations)
        {
            if (!annotation.Name.IsMissing && Array.IndexOf(KnownAnnotations, annotation.Name.Text) < 0)
            {
                Report(At(file, annotation.Name.Span).UnknownAnnotation(annotation.Name.Text, string.Join(", ", KnownAnnotations.Select(k => "'@" + k + "'"))));
            }
        }
    }
}
