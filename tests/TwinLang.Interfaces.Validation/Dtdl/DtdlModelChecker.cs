using System.Text;
using System.Text.Json;

namespace TwinLang.Interfaces.Validation.Dtdl;

/// <summary>
/// Second pass of the DTDL validator: model-wide rules — unique @ids, dependent references resolve to
/// referenceable elements of the right class (completeness), name and enum-value uniqueness (including
/// inherited contents), no path to self, schema depth ≤ 5, one level of Components, extends limits, 1 MiB.
/// </summary>
internal sealed class DtdlModelChecker
{
    private const int MaxSchemaDepth = 5;
    private const int MaxExtendsDepth = 10;
    private const int MaxExtendsCount = 1024;
    private const int MaxInterfaceBytes = 1024 * 1024;
    private const int MaxContentsValues = 100_000;

    private static readonly string[] CountedMembers = ["contents", "fields", "enumValues", "request", "response", "properties", "schema", "elementSchema", "mapValue"];

    private readonly DtdlModelBuilder _model;
    private readonly List<Finding> _findings;
    private readonly Dictionary<string, DtdlElement> _byId = new(StringComparer.Ordinal);

    public DtdlModelChecker(DtdlModelBuilder model, List<Finding> findings)
    {
        _model = model;
        _findings = findings;
    }

    public void Check()
    {
        IndexIds();
        ResolveReferences();
        var cyclic = CheckNoPathToSelf();
        foreach (var element in _model.Elements)
        {
            switch (element.Class)
            {
                case "Interface":
                    CheckUniqueNames(element, ContentsOf(element), "contents", DtdlRules.NameUnique);
                    CheckExtends(element);
                    CheckContentsCount(element);
                    CheckInterfaceSize(element);
                    break;
                case "Relationship":
                    CheckUniqueNames(element, Children(element, "properties").ToList(), "properties", DtdlRules.NameUnique);
                    break;
                case "Object":
                    CheckUniqueNames(element, Children(element, "fields").ToList(), "fields", DtdlRules.NameUnique);
                    break;
                case "Enum":
                    CheckEnum(element);
                    break;
                case "Component":
                    CheckComponentNesting(element);
                    break;
            }

            if (!cyclic && element.Class is "Array" or "Map" or "Object" && SchemaDepth(element, []) > MaxSchemaDepth)
            {
                Error(DtdlRules.SchemaDepth, element.Path, $"The {element.Class} nests more than {MaxSchemaDepth} schema levels.");
            }
        }
    }

    private void IndexIds()
    {
        foreach (var element in _model.Elements)
        {
            if (element.Id is { } id && !_byId.TryAdd(id, element))
            {
                Error(DtdlRules.IdUnique, element.Path + "/@id", $"The @id '{id}' is used by more than one element.");
            }
        }
    }

    private void ResolveReferences()
    {
        foreach (var (owner, member, reference) in _model.References)
        {
            if (!_byId.TryGetValue(reference.Dtmi, out var target))
            {
                Error(DtdlRules.Unresolved, reference.Path, $"The model has no element with @id '{reference.Dtmi}' (referenced in '{member}').");
                continue;
            }

            if (!target.IsTopLevel && target.Class != "Interface" && target.Partition != owner.Partition)
            {
                Error(DtdlRules.NotReferenceable, reference.Path, $"'{reference.Dtmi}' is nested in another Interface and cannot be referenced from here.");
            }

            if (!reference.Classes.Contains(target.Class, StringComparer.Ordinal))
            {
                Error(DtdlRules.ElementClass, reference.Path, $"Expected '{member}' to reference a {string.Join(" or ", reference.Classes)} but '{reference.Dtmi}' is a {target.Class}.");
            }
        }
    }

    /// <summary>Structural children and referentially included elements of one member.</summary>
    private IEnumerable<DtdlElement> Children(DtdlElement element, string member)
    {
        foreach (var value in element.ValuesOf(member))
        {
            switch (value)
            {
                case ElementValue child:
                    yield return child.Element;
                    break;
                case ReferenceValue reference when _byId.TryGetValue(reference.Dtmi, out var target):
                    yield return target;
                    break;
            }
        }
    }

    private IEnumerable<DtdlElement> AllChildren(DtdlElement element) =>
        element.Members.Keys.Where(m => m != "target").SelectMany(m => Children(element, m));

    /// <summary>Contents of an Interface including those inherited through extends (transitively).</summary>
    private List<DtdlElement> ContentsOf(DtdlElement @interface)
    {
        var contents = new List<DtdlElement>();
        var visited = new HashSet<DtdlElement>();
        var pending = new Stack<DtdlElement>([@interface]);
        while (pending.TryPop(out var current))
        {
            if (!visited.Add(current))
            {
                continue;
            }

            contents.AddRange(Children(current, "contents"));
            foreach (var parent in Children(current, "extends"))
            {
                pending.Push(parent);
            }
        }

        return contents;
    }

    private void CheckUniqueNames(DtdlElement owner, List<DtdlElement> children, string member, string rule)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var child in children.Distinct())
        {
            if (child.StringOf("name") is { } name && !names.Add(name))
            {
                Error(rule, child.Path, $"The name '{name}' occurs more than once in '{member}' of {owner.Describe}.");
            }
        }
    }

    private void CheckEnum(DtdlElement element)
    {
        var valueSchema = element.ValuesOf("valueSchema").OfType<TermValue>().FirstOrDefault()?.Term;
        var values = Children(element, "enumValues").ToList();
        CheckUniqueNames(element, values, "enumValues", DtdlRules.NameUnique);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            if (value.ValuesOf("enumValue").OfType<LiteralValue>().FirstOrDefault() is not { } literal)
            {
                continue;
            }

            var expectedKind = valueSchema == "integer" ? JsonValueKind.Number : JsonValueKind.String;
            if (valueSchema is not null && literal.Json.ValueKind != expectedKind)
            {
                Error(DtdlRules.EnumValue, literal.Path, $"Expected an enumValue of type '{valueSchema}' but found {literal.Json.ValueKind}.");
            }
            else if (!seen.Add(literal.Json.GetRawText()))
            {
                Error(DtdlRules.EnumValue, literal.Path, $"The enumValue {literal.Json.GetRawText()} occurs more than once in {element.Describe}.");
            }
        }
    }

    private void CheckComponentNesting(DtdlElement component)
    {
        foreach (var schema in Children(component, "schema").Where(s => s.Class == "Interface"))
        {
            if (ContentsOf(schema).FirstOrDefault(c => c.Class == "Component") is { } nested)
            {
                Error(DtdlRules.ComponentNesting, component.Path, $"The Component's Interface contains the Component '{nested.StringOf("name")}'; DTDL v3 allows one level of Components.");
            }
        }
    }

    private void CheckExtends(DtdlElement @interface)
    {
        var total = 0;
        var visited = new HashSet<DtdlElement>();
        var maxDepth = 0;
        var pending = new Stack<(DtdlElement Element, int Depth)>([(@interface, 0)]);
        while (pending.TryPop(out var item))
        {
            maxDepth = Math.Max(maxDepth, item.Depth);
            if (!visited.Add(item.Element) || item.Depth > MaxExtendsDepth + 1)
            {
                continue;
            }

            foreach (var parent in Children(item.Element, "extends"))
            {
                total++;
                pending.Push((parent, item.Depth + 1));
            }
        }

        if (maxDepth > MaxExtendsDepth)
        {
            Error(DtdlRules.Extends, @interface.Path, $"The extends hierarchy of {@interface.Describe} is deeper than {MaxExtendsDepth} levels.");
        }

        if (total > MaxExtendsCount)
        {
            Error(DtdlRules.Extends, @interface.Path, $"The extends hierarchy of {@interface.Describe} has more than {MaxExtendsCount} values.");
        }
    }

    /// <summary>[S §Limits and exclusions]: at most 100,000 values in the union of the content-like paths, extends included.</summary>
    private void CheckContentsCount(DtdlElement @interface)
    {
        var visited = new HashSet<DtdlElement>();
        var pending = new Stack<DtdlElement>([@interface]);
        var count = 0;
        while (pending.TryPop(out var current) && count <= MaxContentsValues)
        {
            if (!visited.Add(current))
            {
                continue;
            }

            foreach (var parent in Children(current, "extends"))
            {
                pending.Push(parent);
            }

            foreach (var member in CountedMembers)
            {
                count += current.ValuesOf(member).Count();
                foreach (var child in Children(current, member))
                {
                    pending.Push(child);
                }
            }
        }

        if (count > MaxContentsValues)
        {
            Error(DtdlRules.ContentsCount, @interface.Path, $"{@interface.Describe} has more than {MaxContentsValues} elements under 'contents'.");
        }
    }

    private void CheckInterfaceSize(DtdlElement @interface)
    {
        if (Encoding.UTF8.GetByteCount(@interface.Json.GetRawText()) > MaxInterfaceBytes)
        {
            Error(DtdlRules.InterfaceSize, @interface.Path, $"The JSON text of {@interface.Describe} exceeds 1 MiB.");
        }
    }

    /// <summary>Reports every element on a cycle of inclusion/referential inclusion; true if any was found.</summary>
    private bool CheckNoPathToSelf()
    {
        var state = new Dictionary<DtdlElement, int>(); // 1 = on stack, 2 = done
        var cyclic = false;
        foreach (var root in _model.Elements)
        {
            cyclic |= Visit(root);
        }

        return cyclic;

        bool Visit(DtdlElement element)
        {
            if (state.TryGetValue(element, out var mark))
            {
                if (mark == 1)
                {
                    Error(DtdlRules.PathToSelf, element.Path, $"{element.Describe} has a path to itself.");
                    return true;
                }

                return false;
            }

            state[element] = 1;
            var found = false;
            foreach (var child in AllChildren(element))
            {
                found |= Visit(child);
            }

            state[element] = 2;
            return found;
        }
    }

    private int SchemaDepth(DtdlElement element, HashSet<DtdlElement> onPath)
    {
        if (!onPath.Add(element))
        {
            return 0;
        }

        var depth = 0;
        foreach (var (member, values) in element.Members)
        {
            var hop = DtdlMetamodel.IsSchemaHop(member) ? 1 : 0;
            foreach (var value in values)
            {
                var below = value switch
                {
                    TermValue => hop,
                    ElementValue child => hop + SchemaDepth(child.Element, onPath),
                    ReferenceValue reference when _byId.TryGetValue(reference.Dtmi, out var target) => hop + SchemaDepth(target, onPath),
                    _ => 0,
                };
                depth = Math.Max(depth, below);
            }
        }

        onPath.Remove(element);
        return depth;
    }

    private void Error(string rule, string path, string message) => _findings.Add(new Finding(rule, path, message));
}
