using Xunit;

namespace TwinLang.Compiler.Tests.Binding;

public class EquationDiagnosticsTests
{
    [Fact]
    public void Der_OfParameter_ReportsTW3000()
    {
        BindingTestHost.AssertCodes("asset A { parameter k: Real = 1  output y: Real  equation { y = der(k) * 1 s } }", "TW3000");
    }

    [Fact]
    public void State_WithoutDerivative_ReportsTW3001()
    {
        BindingTestHost.AssertCodes("asset A { state x: Real = 1 }", "TW3001");
    }

    [Fact]
    public void State_TwoDerivativeEquations_ReportsTW3002()
    {
        BindingTestHost.AssertCodes("""
            asset A {
              state x: Real = 1
              output y: Real
              equation {
                der(x) = -x / 1 s
                y = der(x) * 1 s
              }
            }
            """, "TW3002");
    }

    [Fact]
    public void Equation_SetsOwnInput_ReportsTW3003()
    {
        BindingTestHost.AssertCodes("asset A { input u: Real  output y: Real  equation { u = 1  y = u } }", "TW3003");
    }

    [Fact]
    public void Assignment_ToVariable_ReportsTW3004()
    {
        BindingTestHost.AssertCodes("asset A { variable x: Real  equation { x = 1 }  sampled every 1 s { x := 2 } }", "TW3004");
    }

    [Fact]
    public void Reinit_OfDiscrete_ReportsTW3005()
    {
        BindingTestHost.AssertCodes("asset A { discrete d: Real = 0  state x: Real = 1  equation { der(x) = -x / 1 s }  when x < 0 { reinit(d, 1) } }", "TW3005");
    }

    [Fact]
    public void Reinit_InSampled_ReportsTW3006()
    {
        BindingTestHost.AssertCodes("asset A { state x: Real = 1  equation { der(x) = -x / 1 s }  sampled every 1 s { reinit(x, 1) } }", "TW3006");
    }

    [Fact]
    public void Connect_NonPort_ReportsTW3007()
    {
        BindingTestHost.AssertCodes("asset B { }\nasset A { component b: B  component c: B  equation { connect(b, c) } }", "TW3007", "TW3007");
    }

    [Fact]
    public void Connect_DifferentConnectors_ReportsTW3008()
    {
        BindingTestHost.AssertCodes("""
            connector Pin { potential v: Voltage  flow i: Current }
            connector Flange { potential x: Length  flow f: Force }
            asset A { port p: Pin  port q: Flange  equation { connect(p, q) } }
            """, "TW3008");
    }

    [Fact]
    public void Balance_TooFewEquations_ReportsTW3009WithUnmentioned()
    {
        var diagnostics = BindingTestHost.AssertCodes("asset A { output y: Real  output z: Real  equation { y = 1 } }", "TW3009");
        Assert.Equal("Asset 'A' has 1 equation(s) for 2 unknown(s). No equation mentions 'z'.", diagnostics[0].Message);
    }

    [Fact]
    public void Balance_SubComponentInputsAreUnknowns()
    {
        const string cell = "asset Cell { input current: Current  output v: Voltage  equation { v = current * 1 Ohm } }\n";
        BindingTestHost.AssertCodes(cell + "asset Pack { component cells: Cell[3] }", "TW3009");
        BindingTestHost.AssertClean(cell + "asset Pack { input i: Current  component cells: Cell[3]  equation { cells[k].current = i for k in 1..3 } }");
        BindingTestHost.AssertClean(cell + "asset Pack { input i: Current  component cells: Cell[3]  equation { for k { cells[k].current = i } } }");
    }

    [Fact]
    public void Balance_OverDetermined_ReportsTW3009()
    {
        BindingTestHost.AssertCodes("asset A { output y: Real = 1  equation { y = 2 } }", "TW3009");
    }

    [Fact]
    public void Der_InParameterDefault_ReportsTW3010()
    {
        BindingTestHost.AssertCodes("asset A { state x: Real = 1  parameter k: Real = der(x)  equation { der(x) = -x / 1 s } }", "TW3010");
    }

    private const string Thermal = """
        asset Cell { input ambient: Temperature  output heat: Power  equation { heat = (ambient - 300 K) / 1 K/W } }
        asset Coolant { input heat: Power  state temperature: Temperature = 300 K  equation { der(temperature) = heat / 1000 J/K } }

        """;

    [Fact]
    public void Coupling_EndNotComponent_ReportsTW3011()
    {
        BindingTestHost.AssertCodes(Thermal + """
            asset Pack {
              input t: Temperature
              component cells: Cell[2]
              coupling c between t (step 1 s) and cells (step 1 s) { }
            }
            """, "TW3011");
    }

    [Fact]
    public void Coupling_UpTargetOnFineSide_ReportsTW3012()
    {
        BindingTestHost.AssertCodes(Thermal + """
            asset Pack {
              component cells: Cell[2]
              component coolant: Coolant
              coupling c between cells (step 1 s) and coolant (step 60 s) {
                up cells[i].ambient = coolant.temperature for i
                down cells[i].ambient = coolant.temperature for i
                up coolant.heat = sum(cells[i].heat for i)
              }
            }
            """, "TW3012");
    }

    [Fact]
    public void Coupling_ConserveWithoutSum_ReportsTW3013()
    {
        BindingTestHost.AssertCodes(Thermal + """
            asset Pack {
              component cells: Cell[2]
              component coolant: Coolant
              coupling c between cells (step 1 s) and coolant (step 60 s) {
                up coolant.heat = max(cells[i].heat for i)
                down cells[i].ambient = coolant.temperature for i
                conserve coolant.heat
              }
            }
            """, "TW3013");
    }

    [Fact]
    public void Coupling_StepNotTime_ReportsTW2050()
    {
        BindingTestHost.AssertCodes(Thermal + """
            asset Pack {
              component cells: Cell[2]
              component coolant: Coolant
              coupling c between cells (step 1 m) and coolant (step 60 s) {
                up coolant.heat = sum(cells[i].heat for i)
                down cells[i].ambient = coolant.temperature for i
              }
            }
            """, "TW2050");
    }

    [Fact]
    public void Estimate_Output_ReportsTW3014()
    {
        BindingTestHost.AssertCodes("""
            asset A { state x: Real = 1  output y: Real  equation { der(x) = -x / 1 s  y = x } }
            assimilation E for A { observe m ~ normal(y, 0.1) every 1 s  estimate y }
            """, "TW3014");
    }

    [Fact]
    public void Observe_NoiseWithWrongDimension_ReportsTW2050()
    {
        BindingTestHost.AssertCodes("""
            asset A { state x: Voltage = 1 V  equation { der(x) = -x / 1 s } }
            assimilation E for A { observe m ~ normal(x, 5 mA) every 1 s  estimate x prior normal(1 V, 0.1 V) }
            """, "TW2050");
    }

    [Fact]
    public void Assimilation_UnknownMetricAndFilterSetting_Reported()
    {
        BindingTestHost.AssertCodes("""
            asset A { state x: Real = 1  equation { der(x) = -x / 1 s } }
            assimilation E for A { filter ensemble(members = 10, inflate = 1.1)  report rmse, accuracy }
            """, "TW1017", "TW1018");
    }

    [Fact]
    public void Scenario_InputOnParameter_ReportsTW3015()
    {
        BindingTestHost.AssertCodes("""
            asset A { parameter k: Real = 1  input u: Real  output y: Real  equation { y = k * u } }
            scenario S for A { input k = 2 }
            """, "TW3015");
    }

    [Fact]
    public void Scenario_SetInput_ReportsTW3016()
    {
        BindingTestHost.AssertCodes("""
            asset A { parameter k: Real = 1  input u: Real  output y: Real  equation { y = k * u } }
            scenario S for A { set u = 2 }
            """, "TW3016");
    }

    [Fact]
    public void Scenario_SignalDimensionsAndSolver_Checked()
    {
        BindingTestHost.AssertCodes("""
            asset A { input i: Current  output y: Current  equation { y = i } }
            scenario S for A {
              time 0 s .. 1 A
              solver dopri7(rtol = 1e-6)
              input i = step(at = 10 s, from = 0 A, to = 2 V)
              sweep i in [1 A]
            }
            """, "TW2050", "TW1018", "TW2050", "TW3016");
    }

    [Fact]
    public void Equation_ParameterOnLeft_ReportsTW3017()
    {
        BindingTestHost.AssertCodes("asset A { parameter k: Real = 1  equation { k = 2 } }", "TW3017");
    }
}
