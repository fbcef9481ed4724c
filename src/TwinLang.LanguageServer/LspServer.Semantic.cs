using System.Text.Json.Nodes;
using TwinLang.Binding;
using TwinLang.Compiler;
using TwinLang.LanguageServer.Documents;
using TwinLang.LanguageServer.Features;
using TwinLang.LanguageServer.JsonRpc;
using TwinLang.Syntax;
using TwinLang.Text;

namespace TwinLang.LanguageServer;

// Features that ask the binder's semantic model: hover, navigation, rename, workspace symbols. Completion,
// signature help and code actions have their own files.
public sealed partial class LspServer
{
    partial void RegisterSemanticFeatures()
    {
        DocumentRequest("textDocument/hover", (s, p, _) => Hover(s, s.Offset(p)));
        DocumentRequest("textDocument/definition", (s, p, _) => Definition(s, s.Offset(p)));
        DocumentRequest("textDocument/references", (s, p, _) => References(s, s.Offset(p), p?["context"]?["includeDeclaration"]?.GetValue<bool>() ?? true));
        DocumentRequest("textDocument/prepareRename", (s, p, _) => PrepareRename(s, s.Offset(p)));
        DocumentRequest("textDocument/rename", (s, p, _) => Rename(s, s.Offset(p), p?["newName"]?.GetValue<string>() ?? string.Empty));
        WorkspaceRequest("workspace/symbol", (c, p, token) => WorkspaceSymbols(c, p?["query"]?.GetValue<string>() ?? string.Empty, token));
        DocumentRequest("textDocument/completion", (s, p, _) => Completion(s, s.Offset(p), p?["context"]?["triggerCharacter"] is JsonValue t && t.TryGetValue<string>(out var c) ? c : null));
        DocumentRequest("textDocument/signatureHelp", (s, p, _) => SignatureHelp(s, s.Offset(p)));
        DocumentRequest("textDocument/codeAction", (s, p, _) => CodeActions(s, p));
    }

    partial void AddSemanticCapabilities(JsonObject capabilities)
    {
        capabilities["hoverProvider"] = true;
        capabilities["definitionProvider"] = true;
        capabilities["referencesProvider"] = true;
        capabilities["renameProvider"] = new JsonObject { ["prepareProvider"] = true };
        capabilities["workspaceSymbolProvider"] = true;
        capabilities["completionProvider"] = new JsonObject { ["triggerCharacters"] = new JsonArray(".", " ") };
        capabilities["signatureHelpProvider"] = new JsonObject { ["triggerCharacters"] = new JsonArray("(", ","), ["retriggerCharacters"] = new JsonArray(",") };
        capabilities["codeActionProvider"] = new JsonObject { ["codeActionKinds"] = new JsonArray("quickfix") };
    }

    /// <summary>Classifies identifiers by their bound symbol; null when the compilation has no semantic model.</summary>
    private static Func<SyntaxToken, (SemanticTokenType, SemanticTokenModifiers)?>? BoundClassifier(Snapshot snapshot)
    {
        if (Model(snapshot) is not { } model)
        {
            return null;
        }

        return token => model.GetReferenceAt(snapshot.Text, token.Span.Start) is { } reference && reference.Location.Span.Start == token.Span.Start
            ? Classify(reference.Symbol)
            : null;
    }

    private static (SemanticTokenType, SemanticTokenModifiers)? Classify(Symbol symbol) => symbol switch
    {
        PackageSymbol => (SemanticTokenType.Namespace, SemanticTokenModifiers.None),
        QuantitySymbol q => (SemanticTokenType.Type, IsStandard(q)),
        UnitSymbol u => (SemanticTokenType.Unit, IsStandard(u)),
        BuiltinTypeSymbol => (SemanticTokenType.Type, SemanticTokenModifiers.DefaultLibrary),
        EnumSymbol => (SemanticTokenType.Enum, SemanticTokenModifiers.None),
        EnumMemberSymbol => (SemanticTokenType.EnumMember, SemanticTokenModifiers.Readonly),
        CallableSymbol c => (SemanticTokenType.Function, IsStandard(c)),
        FunctionParameterSymbol => (SemanticTokenType.Parameter, SemanticTokenModifiers.None),
        LocalSymbol => (SemanticTokenType.Variable, SemanticTokenModifiers.Readonly),
        StructuredTypeSymbol or AssimilationSymbol or ScenarioSymbol => (SemanticTokenType.Class, SemanticTokenModifiers.None),
        VariableSymbol v => (SemanticTokenType.Property, v.VariableKind is VariableKind.Parameter or VariableKind.Constant ? SemanticTokenModifiers.Readonly : SemanticTokenModifiers.None),
        ComponentSymbol or CouplingSymbol or ObservationSymbol => (SemanticTokenType.Property, SemanticTokenModifiers.None),
        IteratorSymbol => (SemanticTokenType.Variable, SemanticTokenModifiers.None),
        _ => null,
    };

    private static SemanticTokenModifiers IsStandard(Symbol symbol) =>
        symbol.Container is PackageSymbol { Name: var name } && name.StartsWith("std.", StringComparison.Ordinal) ? SemanticTokenModifiers.DefaultLibrary : SemanticTokenModifiers.None;

    private static SemanticModel? Model(Snapshot snapshot) => snapshot.Compilation.SemanticModel;

    private static JsonNode? Hover(Snapshot snapshot, int offset)
    {
        var model = Model(snapshot);
        if (model?.GetReferenceAt(snapshot.Text, offset) is not { } reference)
        {
            return model is null ? null : UnitHover(snapshot, model, offset);
        }

        return new JsonObject
        {
            ["contents"] = new JsonObject { ["kind"] = "markdown", ["value"] = SymbolDescriptions.Hover(reference.Symbol) },
            ["range"] = ToRange(snapshot.Text, reference.Location.Span),
        };
    }

    /// <summary>A unit written in a literal or type (<c>mOhm</c>): its declaration when it has one, else its dimension.</summary>
    private static JsonNode? UnitHover(Snapshot snapshot, SemanticModel model, int offset)
    {
        var unit = snapshot.Tree.Root.DescendantsAndSelf().OfType<UnitNameSyntax>().FirstOrDefault(u => u.Span.ContainsOrTouches(offset));
        if (unit is null)
        {
            return null;
        }

        var declared = model.Packages.Select(p => p.Members.GetValueOrDefault(unit.Name)).OfType<UnitSymbol>().FirstOrDefault();
        var markdown = declared is not null ? SymbolDescriptions.Hover(declared) : $"```twin\nunit {unit.Name}\n```";
        return new JsonObject
        {
            ["contents"] = new JsonObject { ["kind"] = "markdown", ["value"] = markdown },
            ["range"] = ToRange(snapshot.Text, unit.Span),
        };
    }

    private static JsonNode? Definition(Snapshot snapshot, int offset) =>
        Model(snapshot)?.GetSymbolAt(snapshot.Text, offset)?.Location is { } location ? ToLocation(location.Source, location.Span) : null;

    private static JsonNode? References(Snapshot snapshot, int offset, bool includeDeclaration)
    {
        var model = Model(snapshot);
        if (model?.GetSymbolAt(snapshot.Text, offset) is not { } symbol)
        {
            return null;
        }

        return new JsonArray([.. model.FindReferences(symbol, includeDeclaration).Select(l => (JsonNode)ToLocation(l.Source, l.Span))]);
    }

    /// <summary>The symbol at the offset when it may be renamed: declared in the workspace, not in the standard library.</summary>
    private static (SymbolReference Reference, SemanticModel Model)? RenameTarget(Snapshot snapshot, int offset)
    {
        var model = Model(snapshot);
        if (model?.GetReferenceAt(snapshot.Text, offset) is not { } reference || reference.Symbol.Location is not { } location)
        {
            return null;
        }

        var standardLibrary = snapshot.Compilation.StandardLibrary.Sources.Any(s => ReferenceEquals(s, location.Source));
        return standardLibrary || reference.Symbol is PackageSymbol ? null : (reference, model);
    }

    private static JsonNode? PrepareRename(Snapshot snapshot, int offset) =>
        RenameTarget(snapshot, offset) is { } target
            ? new JsonObject
            {
                ["range"] = ToRange(snapshot.Text, target.Reference.Location.Span),
                ["placeholder"] = target.Reference.Symbol.Name,
            }
            : null;

    private static JsonNode? Rename(Snapshot snapshot, int offset, string newName)
    {
        if (!IsName(newName))
        {
            throw new JsonRpcException(ErrorCodes.RequestFailed, $"'{newName}' is not a valid TwinLang name.");
        }

        if (RenameTarget(snapshot, offset) is not { } target)
        {
            throw new JsonRpcException(ErrorCodes.RequestFailed, "There is no symbol here that can be renamed.");
        }

        var changes = new JsonObject();
        foreach (var file in target.Model.FindReferences(target.Reference.Symbol).GroupBy(l => l.Source))
        {
            changes[UriPaths.ToUri(file.Key.Path)] = new JsonArray([.. file.Select(l => (JsonNode)ToEdit(l.Source, l.Span, newName))]);
        }

        return new JsonObject { ["changes"] = changes };
    }

    /// <summary>True when the lexer reads <paramref name="text"/> as exactly one name (so not a keyword), asked through the compiler.</summary>
    private static bool IsName(string text) =>
        Compilation.Create([new SourceText(text)], StandardLibrary.Empty).SyntaxTrees[0].Tokens is [{ Kind: TokenKind.Identifier } token] && token.Span.Length == text.Length;

    private static JsonNode WorkspaceSymbols(Compilation compilation, string query, CancellationToken cancellationToken)
    {
        var result = new JsonArray();
        if (compilation.SemanticModel is not { } model)
        {
            return result;
        }

        var userSources = compilation.Sources.ToHashSet();
        foreach (var symbol in model.Packages.SelectMany(p => p.Members.Values).SelectMany(s => SelfAndMembers(s)).OrderBy(s => s.QualifiedName, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (symbol.Location is not { } location || !userSources.Contains(location.Source) || !Matches(symbol.Name, query))
            {
                continue;
            }

            result.Add(new JsonObject
            {
                ["name"] = symbol.Name,
                ["kind"] = (int)SymbolKindOf(symbol),
                ["location"] = ToLocation(location.Source, location.Span),
                ["containerName"] = symbol.Container?.QualifiedName ?? string.Empty,
            });
            if (result.Count >= 500)
            {
                break;
            }
        }

        return result;
    }

    private static IEnumerable<Symbol> SelfAndMembers(Symbol symbol) => symbol switch
    {
        StructuredTypeSymbol type => type.OwnMembers.Prepend(symbol),
        EnumSymbol e => e.Members.Prepend<Symbol>(symbol),
        _ => [symbol],
    };

    /// <summary>Case-insensitive subsequence match, as editors' fuzzy symbol search expects (<c>pcap</c> finds <c>packCapacity</c>).</summary>
    private static bool Matches(string name, string query)
    {
        var at = 0;
        foreach (var c in query)
        {
            at = name.IndexOf(c.ToString(), at, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                return false;
            }

            at++;
        }

        return true;
    }

    private static LspSymbolKind SymbolKindOf(Symbol symbol) => symbol switch
    {
        VariableSymbol v => Outline.Kind(v.VariableKind),
        _ when symbol.Location is { } l && SemanticModel.DeclarationSpan(symbol) is { } => symbol.Kind switch
        {
            Binding.SymbolKind.Quantity => LspSymbolKind.TypeParameter,
            Binding.SymbolKind.Unit => LspSymbolKind.Constant,
            Binding.SymbolKind.Enum => LspSymbolKind.Enum,
            Binding.SymbolKind.EnumMember => LspSymbolKind.EnumMember,
            Binding.SymbolKind.Function or Binding.SymbolKind.Table or Binding.SymbolKind.Surrogate => LspSymbolKind.Function,
            Binding.SymbolKind.Connector => LspSymbolKind.Interface,
            Binding.SymbolKind.Asset => LspSymbolKind.Class,
            Binding.SymbolKind.Component => LspSymbolKind.Module,
            Binding.SymbolKind.Port => LspSymbolKind.Interface,
            Binding.SymbolKind.Coupling or Binding.SymbolKind.Scenario => LspSymbolKind.Event,
            _ => LspSymbolKind.Object,
        },
        _ => LspSymbolKind.Variable,
    };
}
