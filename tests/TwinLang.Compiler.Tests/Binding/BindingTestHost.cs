using TwinLang.Binding;
using TwinLang.Diagnostics;
using TwinLang.Parsing;
using TwinLang.Syntax;
using TwinLang.Text;
using Xunit;

namespace TwinLang.Compiler.Tests.Binding;

/// <summary>
/// Parses sources and binds them together with a small prelude (the units and quantities these tests
/// use), so binder tests do not depend on the shipped standard library's exact contents.
/// </summary>
internal static class BindingTestHost
{
    public const string PreludeUnits = """
        package std.units version "1.0.0"
        unit N = kg*m/s^2
        unit J = N*m
        unit W = J/s
        unit C = A*s
        unit V = W/A
        unit Ohm = V/A
        unit h = 3600 s
        unit min = 60 s
        unit Hz = 1/s
        unit degC = K offset 273.15
        unit deltadegC = K
        unit percent = 0.01
        """;

    public const string PreludeQuantities = """
        package std.quantities version "1.0.0"
        quantity Fraction = 1
        quantity Length = m
        quantity Mass = kg
        quantity Time = s
        quantity Current = A
        quantity Temperature = K
        quantity Velocity = m/s
        quantity Acceleration = m/s^2
        quantity Force = N
        quantity Energy = J
        quantity Power = W
        quantity Charge = C
        quantity Voltage = V
        quantity Resistance = Ohm
        quantity Frequency = Hz
        quantity ThermalResistance = K/W
        quantity HeatCapacity = J/K
        """;

    /// <summary>Binds the sources (named main.twin, second.twin, ...) with the prelude.</summary>
    public static SemanticModel Bind(params string[] sources)
    {
        var trees = new List<SyntaxTree>
        {
            TwinParser.Parse(new SourceText(PreludeUnits, "std/units.twin")),
            TwinParser.Parse(new SourceText(PreludeQuantities, "std/quantities.twin")),
        };
        for (var i = 0; i < sources.Length; i++)
        {
            trees.Add(TwinParser.Parse(new SourceText(sources[i], i == 0 ? "main.twin" : $"file{i + 1}.twin")));
        }

        foreach (var tree in trees)
        {
            Assert.True(tree.Diagnostics.IsEmpty, "syntax errors: " + string.Join("\n", tree.Diagnostics));
        }

        return Binder.Bind(trees);
    }

    /// <summary>The diagnostics of the user files, as <c>CODE@line:col</c> (1-based).</summary>
    public static IReadOnlyList<string> Codes(SemanticModel model) =>
        model.Diagnostics.Where(d => !d.Path.StartsWith("std/", StringComparison.Ordinal))
            .Select(d => $"{d.Code}@{d.Start.Line + 1}:{d.Start.Column + 1}")
            .ToList();

    /// <summary>Asserts the sources bind without any diagnostic (prelude included).</summary>
    public static SemanticModel AssertClean(params string[] sources)
    {
        var model = Bind(sources);
        Assert.True(model.Diagnostics.Count == 0, "unexpected diagnostics:\n" + string.Join("\n", model.Diagnostics));
        return model;
    }

    /// <summary>Asserts the sources produce exactly the given codes (any order), and returns the diagnostics.</summary>
    public static IReadOnlyList<Diagnostic> AssertCodes(string source, params string[] codes)
    {
        var model = Bind(source);
        var actual = model.Diagnostics.Select(d => d.Code).Order(StringComparer.Ordinal).ToList();
        Assert.True(
            actual.SequenceEqual(codes.Order(StringComparer.Ordinal)),
            $"expected [{string.Join(", ", codes)}] but got:\n" + string.Join("\n", model.Diagnostics));
        return model.Diagnostics;
    }
}
