using Xunit;

namespace TwinLang.Compiler.Tests.CodeGeneration;

/// <summary>Sorting failures and unsupported constructs report coded diagnostics naming equations and variables.</summary>
public sealed class SortingDiagnosticsTests
{
    [Fact]
    public void AlgebraicLoop_AcrossArrayElements_ReportsTW3104NamingEquationsAndElement()
    {
        var result = CodeGenerationHost.Build("""
            asset Mirror {
              output a: Real[4]
              equation {
                a[i] = 0.5 * a[5 - i] + 1 for i in 1..4
              }
            }
            """, "Mirror");
        Assert.Equal(["TW3104"], CodeGenerationHost.Codes(result));
        var message = result.Diagnostics.Single().Message;
        Assert.Contains("'a[i] = 0.5 * a[5 - i] + 1 for i in 1..4' (main.twin:4)", message, StringComparison.Ordinal);
        Assert.Contains("'a[]'", message, StringComparison.Ordinal);
        Assert.Contains("'a[(5 - i)]' is another element", message, StringComparison.Ordinal);
    }

    [Fact]
    public void SingularSystem_TwoEquationsForOneUnknown_ReportsTW3103NamingTheMissingVariable()
    {
        var result = CodeGenerationHost.Build("""
            asset Singular {
              output a: Real
              output b: Real
              equation {
                a = 1
                2 * a = 2
              }
            }
            """, "Singular");
        Assert.Equal(["TW3103"], CodeGenerationHost.Codes(result));
        Assert.Contains("'b'", result.Diagnostics.Single().Message, StringComparison.Ordinal);
        Assert.Equal(6, result.Diagnostics.Single().Start.Line + 1);
    }

    [Fact]
    public void LinearUnknownOnBothSides_IsSolvedSymbolically()
    {
        var model = CodeGenerationHost.AssertBuilds("""
            asset Linear {
              parameter k: Real = 4
              output y: Real
              equation { 2 * y + 1 = k - y }
            }
            """, "Linear").CreateInstance();
        var y = new double[1];
        model.Outputs(0, [], y);
        Assert.Equal(1.0, y[0], 12);
    }

    [Fact]
    public void WhenSection_BuildsAModelWithOneIndicator()
    {
        var result = CodeGenerationHost.Build("""
            asset Ball {
              state h: Length = 1 m
              equation { der(h) = -1 m/s }
              when h < 0 m { terminate "landed" }
            }
            """, "Ball");
        Assert.Empty(CodeGenerationHost.Codes(result));
        Assert.NotNull(result.Model);
        Assert.Single(result.Model.Events);
        Assert.Equal(1, result.CreateInstance().Description.EventIndicatorCount);
    }

    [Fact]
    public void UnknownAsset_ReportsTW3101WithCandidates()
    {
        var result = CodeGenerationHost.Build("asset A { }", "B");
        Assert.Equal(["TW3101"], CodeGenerationHost.Codes(result));
        Assert.Contains("'A'", result.Diagnostics.Single().Message, StringComparison.Ordinal);
    }
}
