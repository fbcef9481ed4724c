using Xunit;

namespace TwinLang.Compiler.Tests.Binding;

public class NameDiagnosticsTests
{
    [Fact]
    public void Name_Undeclared_ReportsTW1001WithSuggestion()
    {
        var diagnostics = BindingTestHost.AssertCodes("""
            asset A {
              parameter capacity: Real = 1
              output y: Real
              equation { y = capacty }
            }
            """, "TW1001");
        Assert.Contains("Did you mean 'capacity'?", diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Name_UndeclaredType_ReportsTW1001()
    {
        var diagnostics = BindingTestHost.AssertCodes("asset A { parameter v: Voltag = 1 V }", "TW1001");
        Assert.Contains("'Voltage'", diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Declaration_DuplicateMember_ReportsTW1002AtSecond()
    {
        var diagnostics = BindingTestHost.AssertCodes("""
            asset A {
              parameter x: Real = 1
              parameter x: Real = 2
            }
            """, "TW1002");
        Assert.Equal(2, diagnostics[0].Start.Line);
        Assert.Contains("main.twin(2,13)", diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Declaration_DuplicateTopLevelAcrossFiles_ReportsTW1002()
    {
        var model = BindingTestHost.Bind("package p\nasset A { }", "package p\nasset A { }");
        Assert.Equal(["TW1002@2:7"], BindingTestHost.Codes(model));
    }

    [Fact]
    public void Member_Unknown_ReportsTW1003WithSuggestion()
    {
        var diagnostics = BindingTestHost.AssertCodes("""
            asset Cell { output voltage: Voltage  equation { voltage = 1 V } }
            asset Pack {
              component cells: Cell[4]
              output v: Voltage
              equation { v = cells[1].voltag }
            }
            """, "TW1003");
        Assert.Contains("'Cell' has no member 'voltag'. Did you mean 'voltage'?", diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Asset_InheritanceCycle_ReportsTW1004()
    {
        BindingTestHost.AssertCodes("asset A extends B { }\nasset B extends A { }", "TW1004", "TW1004");
    }

    [Fact]
    public void Asset_ContainsItself_ReportsTW1005()
    {
        BindingTestHost.AssertCodes("asset A { component inner: A }", "TW1005");
    }

    [Fact]
    public void Asset_MutualContainment_ReportsTW1005ForEach()
    {
        BindingTestHost.AssertCodes("asset A { component b: B }\nasset B { component a: A }", "TW1005", "TW1005");
    }

    [Fact]
    public void Annotation_Unknown_ReportsTW1006Warning()
    {
        var diagnostics = BindingTestHost.AssertCodes("@colour(\"red\")\nasset A { }", "TW1006");
        Assert.Equal(Diagnostics.DiagnosticSeverity.Warning, diagnostics[0].Severity);
    }

    [Fact]
    public void Import_Unknown_ReportsTW1007()
    {
        BindingTestHost.AssertCodes("import energy.cells.Cell\nasset A { }", "TW1007");
    }

    [Fact]
    public void Import_SingleAndAlias_ResolveAcrossPackages()
    {
        var model = BindingTestHost.Bind(
            "package app\nimport lib.cells.Cell as BaseCell\nimport lib.cells.*\nasset Pack { component a: BaseCell  component b: Cell }",
            "package lib.cells\nasset Cell { }");
        Assert.Empty(model.Diagnostics);
    }

    [Fact]
    public void Import_TwoWildcardsDefineName_ReportsTW1012()
    {
        var model = BindingTestHost.Bind(
            "package app\nimport a.*\nimport b.*\nasset Pack { component x: Cell }",
            "package a\nasset Cell { }",
            "package b\nasset Cell { }");
        Assert.Equal(["TW1012@4:27"], BindingTestHost.Codes(model));
    }

    [Fact]
    public void Type_NameOfFunction_ReportsTW1008()
    {
        BindingTestHost.AssertCodes("function f(x: Real): Real = x\nasset A { parameter p: f = 1 }", "TW1008");
    }

    [Fact]
    public void Component_OfQuantityType_ReportsTW1009()
    {
        BindingTestHost.AssertCodes("asset A { component c: Voltage }", "TW1009");
    }

    [Fact]
    public void Asset_ExtendsConnector_ReportsTW1010()
    {
        BindingTestHost.AssertCodes("connector Pin { potential v: Voltage  flow i: Current }\nasset A extends Pin { }", "TW1010");
    }

    [Fact]
    public void Package_BadVersion_ReportsTW1011()
    {
        BindingTestHost.AssertCodes("package p version \"1.0\"\nasset A { }", "TW1011");
    }

    [Fact]
    public void Expression_AssetNameAsValue_ReportsTW1013()
    {
        BindingTestHost.AssertCodes("asset B { }\nasset A { output y: Real  equation { y = B } }", "TW1013");
    }

    [Fact]
    public void Call_OfVariable_ReportsTW1014()
    {
        BindingTestHost.AssertCodes("asset A { parameter k: Real = 1  output y: Real  equation { y = k(2) } }", "TW1014");
    }

    [Fact]
    public void Modifier_Unknown_ReportsTW1015()
    {
        BindingTestHost.AssertCodes("asset C { parameter cap: Real = 1 }\nasset A { component c: C(capacity = 2) }", "TW1015");
    }

    [Fact]
    public void Call_UnknownNamedArgument_ReportsTW1016()
    {
        BindingTestHost.AssertCodes("function f(x: Real): Real = x\nasset A { output y: Real  equation { y = f(z = 1) } }", "TW1016");
    }

    [Fact]
    public void Table_UnknownSetting_ReportsTW1017()
    {
        BindingTestHost.AssertCodes("table t(x: Real): Real with smoothing = linear { 0 -> 1, 1 -> 2 }", "TW1017");
    }

    [Fact]
    public void Filter_Unknown_ReportsTW1018()
    {
        BindingTestHost.AssertCodes("asset A { state x: Real = 1  equation { der(x) = -x / 1 s } }\nassimilation E for A { filter kalman }", "TW1018");
    }
}
