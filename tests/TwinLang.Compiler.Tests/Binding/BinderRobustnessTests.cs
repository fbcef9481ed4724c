using System.Text;
using TwinLang.Binding;
using TwinLang.Parsing;
using TwinLang.Text;
using Xunit;

namespace TwinLang.Compiler.Tests.Binding;

public class BinderRobustnessTests
{
    private const string Sample = """
        package energy.battery version "1.0.0"
        import std.units.*
        connector Pin { potential v: Voltage  flow i: Current }
        enum Mode { off, on }
        function f(x: Fraction): Voltage = 3 V + 1 V * x
        table ocv(soc: Fraction): Voltage with interpolation = linear { 0 -> 3 V, 1 -> 4 V }
        asset Cell {
          parameter n: Int = 3
          parameter capacity: Charge = 2.5 A*h
          input current: Current
          state soc: Fraction = 1
          output voltage: Voltage
          discrete mode: Mode = Mode.off
          port p: Pin
          equation {
            der(soc) = -current / capacity
            voltage = ocv(soc) + f(soc) - 3 V
            p.v = voltage
          }
          when soc < 0.1 { mode := Mode.on  reinit(soc, 1) }
        }
        asset Pack {
          component cells: Cell[4](capacity = 3 A*h)
          input i: Current
          equation { for k in 1..4 { cells[k].current = i } }
        }
        assimilation E for Pack { observe v ~ normal(sum(cells[*].voltage), 5 mV) every 1 s  estimate cells[*].soc  filter ukf(alpha = 1) }
        scenario S for Cell { time 0 s .. 1 h  solver rk4(step = 1 s)  input current = step(at = 1 s, to = 1 A) }
        """;

    [Fact]
    public void Bind_EveryPrefixOfSample_NeverFailsInternally()
    {
        for (var length = 0; length <= Sample.Length; length += 7)
        {
            AssertNoInternalError(Sample[..length]);
        }
    }

    [Fact]
    public void Bind_SampleWithTokensDeleted_NeverFailsInternally()
    {
        var random = new Random(12345);
        for (var attempt = 0; attempt < 150; attempt++)
        {
            var text = new StringBuilder(Sample);
            for (var cut = 0; cut < 3; cut++)
            {
                var start = random.Next(text.Length);
                text.Remove(start, Math.Min(random.Next(1, 12), text.Length - start));
            }

            AssertNoInternalError(text.ToString());
        }
    }

    [Fact]
    public void Bind_LongSumChain_BindsIteratively()
    {
        var terms = string.Join(" + ", Enumerable.Repeat("x", 5_000));
        var model = BindingTestHost.Bind($"asset A {{ input x: Current  output y: Current  equation {{ y = {terms} }} }}");

        Assert.Empty(model.Diagnostics);
    }

    [Fact]
    public void Bind_DeeplyParenthesized_Binds()
    {
        var depth = 200;
        var expression = new string('(', depth) + "x" + new string(')', depth);
        var model = BindingTestHost.Bind($"asset A {{ input x: Current  output y: Current  equation {{ y = {expression} }} }}");

        Assert.Empty(model.Diagnostics);
    }

    [Fact]
    public void Bind_GeneratedLargeModel_IsCleanAndDeterministic()
    {
        var source = GenerateModel(assets: 500);
        Assert.True(source.Split('\n').Length >= 10_000);

        var first = BindingTestHost.Bind(source);
        var second = BindingTestHost.Bind(source);

        Assert.Empty(first.Diagnostics);
        Assert.Equal(first.Assets.Select(a => a.QualifiedName), second.Assets.Select(a => a.QualifiedName));
    }

    [Fact]
    public void Bind_ManyErrors_AreSortedAndDeterministic()
    {
        var source = string.Join("\n", Enumerable.Range(0, 50).Select(i => $"asset A{i} {{ output y: Voltage  equation {{ y = undefined{i} }} }}"));

        var diagnostics = BindingTestHost.Bind(source).Diagnostics;

        Assert.Equal(50, diagnostics.Count);
        Assert.Equal(diagnostics.OrderBy(d => d.Span.Start).Select(d => d.Message), diagnostics.Select(d => d.Message));
    }

    /// <summary>A model of <paramref name="assets"/> cells and packs, twenty lines each.</summary>
    internal static string GenerateModel(int assets)
    {
        var builder = new StringBuilder("package generated version \"1.0.0\"\n");
        for (var i = 0; i < assets; i++)
        {
            builder.Append(System.Globalization.CultureInfo.InvariantCulture, $$"""
                /// Cell {{i}}.
                asset Cell{{i}} {
                  parameter capacity: Charge = 2.5 A*h "nominal capacity"
                  parameter r0: Resistance = 15 mOhm
                  parameter n: Int = 4
                  input current: Current
                  input ambient: Temperature = 25 degC
                  state soc: Fraction = 1
                  state temp: Temperature = 25 degC
                  output voltage: Voltage
                  variable heat: Power = current^2 * r0
                  equation {
                    der(soc) = -current / capacity
                    der(temp) = (heat - (temp - ambient) / 3 K/W) / 40 J/K
                    voltage = 3 V + 1.2 V * soc - current * r0
                  }
                }
                asset Pack{{i}} { parameter n: Int = 8  component cells: Cell{{i}}[n]  input i: Current  output v: Voltage
                  equation { cells[k].current = i for k in 1..n  v = sum(cells[k].voltage for k) }
                }

                """);
        }

        return builder.ToString();
    }

    private static void AssertNoInternalError(string text)
    {
        var trees = new List<Syntax.SyntaxTree>
        {
            TwinParser.Parse(new SourceText(BindingTestHost.PreludeUnits, "std/units.twin")),
            TwinParser.Parse(new SourceText(BindingTestHost.PreludeQuantities, "std/quantities.twin")),
            TwinParser.Parse(new SourceText(text, "main.twin")),
        };

        var model = Binder.Bind(trees);

        Assert.DoesNotContain(model.Diagnostics, d => d.Code == "TW9001");
        foreach (var tree in model.Trees)
        {
            SymbolPrinter.Print(model, tree);
            model.GetDocumentSymbols(tree.Text);
        }
    }
}
