using TwinLang.Parsing;
using TwinLang.Syntax;
using TwinLang.Text;
using Xunit;

namespace TwinLang.Formatting;

/// <summary>Messy input against its canonical layout, one rule per test, all through <see cref="Check"/>.</summary>
public sealed class TwinFormatterTests
{
    [Fact]
    public void Format_CrampedAsset_GetsOneMemberPerLineAndCanonicalSpacing()
    {
        Check(
            "asset   Cell{parameter r0:Resistance=15 mOhm\nstate soc :Real=1 input current:Current\nequation{der(soc)=-current/capacity*2}}",
            """
            asset Cell {
              parameter r0: Resistance = 15 mOhm
              state soc: Real = 1
              input current: Current
              equation {
                der(soc) = -current / capacity * 2
              }
            }

            """);
    }

    [Fact]
    public void Format_UnitExpressions_StayTightWhileOperatorsAroundThemAreSpaced()
    {
        Check(
            """
            asset A {
              parameter h: Real(unit = W/(m^2*K)) = 10 W/(m^2*K)
              variable q: Power = 3 K/W * x+2.5 A*h   * y
              variable s: Real = x^2*(a+b)^-1
            }
            """,
            """
            asset A {
              parameter h: Real(unit = W/(m^2*K)) = 10 W/(m^2*K)
              variable q: Power = 3 K/W * x + 2.5 A*h * y
              variable s: Real = x^2 * (a + b)^-1
            }

            """);
    }

    [Fact]
    public void Format_QuantityAndUnitDeclarations_KeepUnitsTight()
    {
        Check(
            "quantity   HeatTransfer=W/(m^2*K) \"coefficient\"\nunit  kph = 1000 m/h\nunit degF = K offset 255.37",
            """
            quantity HeatTransfer = W/(m^2*K) "coefficient"
            unit kph = 1000 m/h
            unit degF = K offset 255.37

            """);
    }

    [Fact]
    public void Format_TrailingComments_AreAlignedWithinARun()
    {
        Check(
            """
            asset A {
              input current: Current // discharge positive
              input ambient: Temperature = 25 degC // air
              state soc: Real = 1

              state t: Temperature = 20 degC // separate run
            }
            """,
            """
            asset A {
              input current: Current                // discharge positive
              input ambient: Temperature = 25 degC  // air
              state soc: Real = 1

              state t: Temperature = 20 degC  // separate run
            }

            """);
    }

    [Fact]
    public void Format_OwnLineAndBlockComments_StayWhereTheyWere()
    {
        Check(
            """
            // header

            /* block
               comment */
            asset A {
                    // before the state
              state x: Real = 1 /* inline */ + 2
              equation {
                der(x) = -x
                    // last in the section
              }
            }
            // end of file
            """,
            """
            // header

            /* block
               comment */
            asset A {
              // before the state
              state x: Real = 1 /* inline */ + 2
              equation {
                der(x) = -x
                // last in the section
              }
            }
            // end of file

            """);
    }

    [Fact]
    public void Format_DocCommentsAndAnnotations_StandAboveTheirDeclaration()
    {
        Check(
            """
            /// A cell.
            @semantic("https://example.org/Cell") asset Cell {
              /// Capacity.
              @semantic("0173-1#02-AAB381#003") parameter capacity: Charge = 2.5 A*h
            }
            """,
            """
            /// A cell.
            @semantic("https://example.org/Cell")
            asset Cell {
              /// Capacity.
              @semantic("0173-1#02-AAB381#003")
              parameter capacity: Charge = 2.5 A*h
            }

            """);
    }

    [Fact]
    public void Format_BlankLines_CollapseToOneAndVanishAtBlockEdges()
    {
        Check(
            "asset A {\n\n\n  parameter a: Real = 1\n\n\n\n  parameter b: Real = 2\n\n}\n\n\n\nasset B {\n}\n",
            """
            asset A {
              parameter a: Real = 1

              parameter b: Real = 2
            }

            asset B {}

            """);
    }

    [Fact]
    public void Format_TableRows_GoOnePerLineWithTrailingCommas()
    {
        Check(
            "table ocv(soc: Real): Voltage with interpolation=linear,extrapolation=clamp { 0 -> 3.0 V, 0.5 -> 3.6 V, 1 -> 4.2 V }",
            """
            table ocv(soc: Real): Voltage with interpolation = linear, extrapolation = clamp {
              0 -> 3.0 V,
              0.5 -> 3.6 V,
              1 -> 4.2 V,
            }

            """);
    }

    [Fact]
    public void Format_ShortEnum_StaysOnOneLineAndLongEnumKeepsItsLines()
    {
        Check(
            "enum Mode{off,heating,   cooling}\nenum Fault {\n  none,\n  short_circuit\n}",
            """
            enum Mode { off, heating, cooling }
            enum Fault {
              none,
              short_circuit
            }

            """);
    }

    [Fact]
    public void Format_LineBreakAfterOperatorOrComma_IsKeptAsContinuation()
    {
        Check(
            """
            asset A {
              equation {
                y = a + b +
                c
                z = f(a,
                  b)
                w = g(a
                  , b)
              }
            }
            """,
            """
            asset A {
              equation {
                y = a + b +
                    c
                z = f(a,
                    b)
                w = g(a, b)
              }
            }

            """);
    }

    [Fact]
    public void Format_CompositionCouplingAndReductions_GetCanonicalSpacing()
    {
        Check(
            """
            asset Pack {
              parameter n: Int = 96
              component cells: Cell[ n ]( capacity = 3 A*h )
              equation {
                cells[ i ].current = current for i in 1 .. n
                voltage = sum( cells[i].voltage for i )
                heat = sum(cells[ * ].heat)
                for i in 1..n { cells[i].ambient = coolant.temperature }
                connect( r1.n , r2.p )
              }
              coupling thermal between cells(step 1 s) and coolant(step 60 s) { up coolant.heat = sum(cells[i].heat for i)
                down cells[i].ambient = coolant.temperature for i
                conserve coolant.heat tolerance 1e-9 W
                interpolation=linear }
            }
            """,
            """
            asset Pack {
              parameter n: Int = 96
              component cells: Cell[n](capacity = 3 A*h)
              equation {
                cells[i].current = current for i in 1..n
                voltage = sum(cells[i].voltage for i)
                heat = sum(cells[*].heat)
                for i in 1..n {
                  cells[i].ambient = coolant.temperature
                }
                connect(r1.n, r2.p)
              }
              coupling thermal between cells (step 1 s) and coolant (step 60 s) {
                up coolant.heat = sum(cells[i].heat for i)
                down cells[i].ambient = coolant.temperature for i
                conserve coolant.heat tolerance 1e-9 W
                interpolation = linear
              }
            }

            """);
    }

    [Fact]
    public void Format_EventsAndSampledSections_PutOneStatementPerLine()
    {
        Check(
            "asset Ball { when h<0 m { reinit(v,-e*v) n:=n+1 terminate \"stop\" } sampled every 1 s offset 0.5 s { u := if not on then 0 W elseif t<20 degC then 1 kW else 0 W } }",
            """
            asset Ball {
              when h < 0 m {
                reinit(v, -e * v)
                n := n + 1
                terminate "stop"
              }
              sampled every 1 s offset 0.5 s {
                u := if not on then 0 W elseif t < 20 degC then 1 kW else 0 W
              }
            }

            """);
    }

    [Fact]
    public void Format_FunctionsAndSurrogates_GetOneLetPerLine()
    {
        Check(
            "function arrhenius(k0:Real,ea:Real,t:Temperature):Real{let rt=8.314*t/1 K return k0*exp(-ea/rt)}\nsurrogate loss(t: Temperature,i: Current): Power = polynomial(degree=2) from \"loss.csv\"",
            """
            function arrhenius(k0: Real, ea: Real, t: Temperature): Real {
              let rt = 8.314 * t / 1 K
              return k0 * exp(-ea / rt)
            }
            surrogate loss(t: Temperature, i: Current): Power = polynomial(degree = 2) from "loss.csv"

            """);
    }

    [Fact]
    public void Format_AssimilationAndScenario_PutOneItemPerLine()
    {
        Check(
            """
            assimilation E for Pack { observe v ~ normal(sum(cells[i].voltage for i),5 mV) from "bms.csv" column "v" every 1 s
            estimate cells[*].r0 prior lognormal(15 mOhm,0.2) filter ensemble(members=64,inflation=1.02)
            reject when abs(innovation)>4*sigma report rmse,spread }
            scenario D for Cell { time 0 s..2 h solver dopri5(rtol=1e-6) input current=step(at=10 s,from=0 A,to=2 A)
            set capacity=3 A*h output every 10 s soc,temp sweep r0 in [10 mOhm,20 mOhm]
            ensemble 100 seed 42 { capacity ~ normal(2.5 A*h, 0.1 A*h) } }
            """,
            """
            assimilation E for Pack {
              observe v ~ normal(sum(cells[i].voltage for i), 5 mV) from "bms.csv" column "v" every 1 s
              estimate cells[*].r0 prior lognormal(15 mOhm, 0.2)
              filter ensemble(members = 64, inflation = 1.02)
              reject when abs(innovation) > 4 * sigma
              report rmse, spread
            }
            scenario D for Cell {
              time 0 s .. 2 h
              solver dopri5(rtol = 1e-6)
              input current = step(at = 10 s, from = 0 A, to = 2 A)
              set capacity = 3 A*h
              output every 10 s soc, temp
              sweep r0 in [10 mOhm, 20 mOhm]
              ensemble 100 seed 42 {
                capacity ~ normal(2.5 A*h, 0.1 A*h)
              }
            }

            """);
    }

    [Fact]
    public void Format_PackageAndImports_GetOneLineEach()
    {
        Check(
            "package energy.battery version \"1.2.0\" import std.units.* import energy.cells.Cell as BaseCell",
            """
            package energy.battery version "1.2.0"
            import std.units.*
            import energy.cells.Cell as BaseCell

            """);
    }

    [Fact]
    public void Format_Semicolons_AreKeptAtTheEndOfTheirLine()
    {
        Check(
            "connector Pin { potential v: Voltage ; flow i: Current }",
            """
            connector Pin {
              potential v: Voltage;
              flow i: Current
            }

            """);
    }

    [Fact]
    public void Format_CsvUnitArgument_ReadsAsATightUnit()
    {
        Check(
            "scenario S for A { input q = csv(\"q.csv\", column = \"q\", unit = W / m^2) }",
            """
            scenario S for A {
              input q = csv("q.csv", column = "q", unit = W/m^2)
            }

            """);
    }

    [Fact]
    public void Format_InlineBlockCommentInsideBrackets_HugsTheBrackets()
    {
        Check(
            "asset A { variable y: Real = f(/* first */ a,b /* last */) }",
            """
            asset A {
              variable y: Real = f(/* first */ a, b /* last */)
            }

            """);
    }

    [Fact]
    public void Format_LineBreakAfterUnitlessNumber_IsKeptBecauseItKeepsTheNextNameOutOfTheUnit()
    {
        Check(
            "scenario S for A {\n  output every 10\n  soc, temp\n}",
            """
            scenario S for A {
              output every 10
                  soc, temp
            }

            """);
    }

    [Fact]
    public void Format_SignedUnitOffset_KeepsTheSignOnTheNumber()
    {
        Check(
            "unit degX = K offset - 10.5 \"shifted kelvin\"",
            """
            unit degX = K offset -10.5 "shifted kelvin"

            """);
    }

    [Fact]
    public void Format_DocCommentsOnEnumMembers_PutEachMemberOnItsLine()
    {
        Check(
            "enum Mode {\n/// Switched off.\noff,\n    /// Heating up.\n heating }",
            """
            enum Mode {
              /// Switched off.
              off,
              /// Heating up.
              heating
            }

            """);
    }

    [Fact]
    public void Format_WindowsLineEndings_BecomeLineFeeds()
    {
        Check(
            "/* a\r\n   b */\r\nasset A {\r\n  // c\r\n\r\n\r\n  parameter a: Real = 1\r\n}\r\n",
            """
            /* a
               b */
            asset A {
              // c

              parameter a: Real = 1
            }

            """);
    }

    [Fact]
    public void Format_WiderIndentOption_IndentsEveryLevel()
    {
        var tree = ParseClean("asset A { equation { x = 1 } }");
        Assert.Equal("asset A {\n    equation {\n        x = 1\n    }\n}\n", TwinFormatter.Format(tree, new FormattingOptions { IndentSize = 4 }));
    }

    [Fact]
    public void GetEdits_FormattedFile_ReturnsNoEdit()
    {
        Assert.Empty(TwinFormatter.GetEdits(ParseClean("asset A {\n  parameter a: Real = 1\n}\n")));
    }

    [Fact]
    public void GetEdits_TwoMessyLinesApart_ReturnsTwoSmallEditsThatProduceTheFormattedText()
    {
        const string source = "asset A {\n  parameter   a: Real = 1\n  parameter b: Real = 2\n  parameter c:Real = 3\n}\n";
        var tree = ParseClean(source);

        var edits = TwinFormatter.GetEdits(tree);

        Assert.Equal(2, edits.Length);
        Assert.Equal(new FormattingEdit(new TextSpan(source.IndexOf("   a", StringComparison.Ordinal) + 1, 2), string.Empty), edits[0]);
        Assert.Equal(new FormattingEdit(new TextSpan(source.IndexOf(":Real = 3", StringComparison.Ordinal) + 1, 0), " "), edits[1]);
        Assert.Equal(TwinFormatter.Format(tree), Apply(source, edits));
    }

    [Fact]
    public void ComputeEdits_LinesInsertedAndRemoved_ProducesTheTargetText()
    {
        const string before = "a\nb\nc\nd\ne\n";
        const string after = "a\nx\nc\ne\nf\n";

        var edits = TwinFormatter.ComputeEdits(before, after);

        Assert.Equal(after, Apply(before, edits));
        Assert.All(edits.Zip(edits.Skip(1)), pair => Assert.True(pair.First.Span.End <= pair.Second.Span.Start));
    }

    [Fact]
    public void Format_EmptyFile_ReturnsEmptyText()
    {
        Assert.Equal(string.Empty, TwinFormatter.Format(ParseClean(string.Empty)));
    }

    /// <summary>
    /// Formats <paramref name="source"/> and compares with <paramref name="expected"/>; the expected text must
    /// itself be a fixed point with the same tree and comments, so every case also checks idempotence and meaning.
    /// </summary>
    private static void Check(string source, string expected)
    {
        var tree = ParseClean(source);
        var actual = TwinFormatter.Format(tree);
        Assert.Equal(expected.Replace("\r\n", "\n", StringComparison.Ordinal), actual);

        Assert.Equal(actual, Apply(source, TwinFormatter.GetEdits(tree)));
        var reparsed = ParseClean(actual);
        Assert.True(SyntaxEquivalence.AreEquivalent(tree.Root, reparsed.Root), "Formatting changed the syntax tree.");
        Assert.Equal(actual, TwinFormatter.Format(reparsed));
        Assert.Equal(CommentTokens.Of(tree), CommentTokens.Of(reparsed));
    }

    /// <summary>Applies non-overlapping edits in document order, back to front so earlier offsets stay valid.</summary>
    private static string Apply(string text, IEnumerable<FormattingEdit> edits)
    {
        foreach (var edit in edits.Reverse())
        {
            text = text[..edit.Span.Start] + edit.NewText + text[edit.Span.End..];
        }

        return text;
    }

    private static SyntaxTree ParseClean(string source)
    {
        var tree = TwinParser.Parse(new SourceText(source, "test.twin"));
        Assert.Empty(tree.Diagnostics.Where(d => d.IsError).Select(d => d.Message));
        return tree;
    }
}
