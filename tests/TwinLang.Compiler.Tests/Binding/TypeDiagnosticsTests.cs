using Xunit;

namespace TwinLang.Compiler.Tests.Binding;

public class TypeDiagnosticsTests
{
    [Fact]
    public void Equation_VoltageEqualsCurrent_ReportsTW2050NamingBothQuantities()
    {
        var diagnostics = BindingTestHost.AssertCodes("""
            asset A {
              input i: Current
              output v: Voltage
              equation { v = i }
            }
            """, "TW2050");
        Assert.Equal("Expected 'Voltage' (V) but found 'Current' (A).", diagnostics[0].Message);
    }

    [Fact]
    public void Literal_ZeroWithoutUnit_IsNotDimensionPolymorphic()
    {
        BindingTestHost.AssertCodes("asset A { output i: Current  equation { i = 0 } }", "TW2050");
    }

    [Fact]
    public void Literal_DimensionlessForFraction_IsAccepted()
    {
        BindingTestHost.AssertClean("asset A { parameter f: Fraction = 0.5  output y: Fraction  equation { y = 1 - f } }");
    }

    [Fact]
    public void Condition_NotBool_ReportsTW2051()
    {
        BindingTestHost.AssertCodes("asset A { state x: Real = 1  equation { der(x) = -x / 1 s }  when x { reinit(x, 1) } }", "TW2051");
    }

    [Fact]
    public void Addition_DifferentDimensions_ReportsTW2052()
    {
        var diagnostics = BindingTestHost.AssertCodes("asset A { input i: Current  input v: Voltage  output y: Voltage  equation { y = v + i } }", "TW2052");
        Assert.Contains("'Voltage' (V) and 'Current' (A)", diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Comparison_DifferentDimensions_ReportsTW2052()
    {
        BindingTestHost.AssertCodes("asset A { input t: Temperature  output y: Bool  equation { y = t > 1 s } }", "TW2052");
    }

    [Fact]
    public void Power_FractionalExponentOnDimension_ReportsTW2053()
    {
        BindingTestHost.AssertCodes("asset A { input l: Length  output y: Real  equation { y = l^0.5 } }", "TW2053");
    }

    [Fact]
    public void Power_VariableExponent_ReportsTW2053()
    {
        BindingTestHost.AssertCodes("asset A { input k: Real  output y: Real  equation { y = 2^k } }", "TW2053");
    }

    [Fact]
    public void Power_IntegerExponent_MultipliesDimension()
    {
        BindingTestHost.AssertClean("asset A { input i: Current  parameter r: Resistance = 1 Ohm  output p: Power  equation { p = i^2 * r } }");
    }

    [Fact]
    public void Sqrt_HalvesEvenExponents()
    {
        BindingTestHost.AssertClean("asset A { input a: Real(unit = m^2)  output l: Length  equation { l = sqrt(a) } }");
        BindingTestHost.AssertCodes("asset A { input a: Length  output l: Length  equation { l = sqrt(a) } }", "TW2050");
    }

    [Fact]
    public void Exp_OfDimensionedValue_ReportsTW2050()
    {
        BindingTestHost.AssertCodes("asset A { input t: Time  output y: Real  equation { y = exp(t) } }", "TW2050");
    }

    [Fact]
    public void Call_TooManyArguments_ReportsTW2054()
    {
        BindingTestHost.AssertCodes("function f(x: Real): Real = x\nasset A { output y: Real  equation { y = f(1, 2) } }", "TW2054");
    }

    [Fact]
    public void ArraySize_FromVariable_ReportsTW2055()
    {
        BindingTestHost.AssertCodes("asset A { input n: Int  parameter x: Real[n] = 0 }", "TW2055");
    }

    [Fact]
    public void ArraySize_Negative_ReportsTW2056()
    {
        BindingTestHost.AssertCodes("asset A { parameter n: Int = -2  parameter x: Real[n] = 0 }", "TW2056");
    }

    [Fact]
    public void ArraySize_ModifierOverridesToNegative_ReportsTW2056AtModifier()
    {
        var model = BindingTestHost.Bind("""
            asset Cell { }
            asset Pack { parameter n: Int = 4  component cells: Cell[n] }
            asset Plant { component pack: Pack(n = -1) }
            """);
        Assert.Equal(["TW2056@3:40"], BindingTestHost.Codes(model));
    }

    [Fact]
    public void ArraySize_DivisionByZero_ReportsTW2057Only()
    {
        BindingTestHost.AssertCodes("asset A { parameter x: Real[4 / 0] = 0 }", "TW2057");
    }

    [Fact]
    public void Index_OnScalar_ReportsTW2058()
    {
        BindingTestHost.AssertCodes("asset A { input x: Real  output y: Real  equation { y = x[1] } }", "TW2058");
    }

    [Fact]
    public void Iterator_WithoutRangeIndexingNothing_ReportsTW2059()
    {
        BindingTestHost.AssertCodes("asset A { output y: Real  equation { y = sum(1 for i) } }", "TW2059");
    }

    [Fact]
    public void Iterator_WithoutRange_IsInferredFromArray()
    {
        BindingTestHost.AssertClean("asset A { parameter x: Real[3] = 1  output y: Real  equation { y = sum(x[i] for i) } }");
    }

    [Fact]
    public void Index_ConstantOutOfRange_ReportsTW2060()
    {
        BindingTestHost.AssertCodes("asset A { parameter x: Real[3] = 1  output y: Real  equation { y = x[4] } }", "TW2060");
    }

    [Fact]
    public void UnitModifier_WrongDimension_ReportsTW2061()
    {
        BindingTestHost.AssertCodes("asset A { parameter v: Voltage(unit = mA) = 1 V }", "TW2061");
    }

    [Fact]
    public void Equation_ArrayEqualsScalar_ReportsTW2062()
    {
        BindingTestHost.AssertCodes("asset A { parameter x: Real[3] = 1  output y: Real  equation { y = x } }", "TW2062");
    }

    [Fact]
    public void Call_MissingArgument_ReportsTW2063()
    {
        BindingTestHost.AssertCodes("function f(x: Real, y: Real): Real = x + y\nasset A { output z: Real  equation { z = f(1) } }", "TW2063");
    }

    [Fact]
    public void Wildcard_OutsideReduction_ReportsTW2064()
    {
        BindingTestHost.AssertCodes("asset A { parameter x: Real[3] = 1  output y: Real[3]  equation { y = x[*] } }", "TW2064");
    }

    [Fact]
    public void Wildcard_InsideSum_IsAccepted()
    {
        BindingTestHost.AssertClean("asset A { parameter x: Real[3] = 1  output y: Real  equation { y = sum(x[*]) } }");
    }

    [Fact]
    public void Error_InOperand_DoesNotCascade()
    {
        BindingTestHost.AssertCodes("asset A { input v: Voltage  output y: Voltage  equation { y = (undefined + v) * 2 + sqrt(v * v) } }", "TW1001");
    }

    [Fact]
    public void AffineLiteral_Absolute_HasTemperatureDimension()
    {
        BindingTestHost.AssertClean("asset A { input t: Temperature  output hot: Bool  equation { hot = t > 25 degC } }");
    }

    [Fact]
    public void Conditional_BranchesDiffer_ReportsTW2050()
    {
        BindingTestHost.AssertCodes("asset A { input t: Temperature  output p: Power  equation { p = if t > 20 degC then 1 kW else 0 A } }", "TW2050");
    }

    [Fact]
    public void LogicalOperator_OnReal_ReportsTW2051()
    {
        BindingTestHost.AssertCodes("asset A { input x: Real  output b: Bool  equation { b = x and true } }", "TW2051");
    }
}

public class ParameterDefaultTests
{
    [Fact]
    public void ParameterDefault_FromState_ReportsTW2055()
    {
        BindingTestHost.AssertCodes("asset A { state x: Real = 1  parameter k: Real = 2 * x  equation { der(x) = -x / 1 s } }", "TW2055");
    }

    [Fact]
    public void ParameterDefault_FromOtherParameter_IsAccepted()
    {
        BindingTestHost.AssertClean("asset A { parameter a: Length = 2 m  parameter b: Real(unit = m^2) = a^2 }");
    }

    [Fact]
    public void Constant_WithoutValue_ReportsTW2055()
    {
        BindingTestHost.AssertCodes("asset A { constant c: Int }", "TW2055");
    }
}
