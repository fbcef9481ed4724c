using Xunit;
namespace TwinLang.Compiler.Tests.Binding;

public class LanguageExamplesTests
{
    private const string Cell = """
        package energy.battery version "1.2.0"

        table ocv(soc: Fraction): Voltage with interpolation = linear, extrapolation = clamp {
          0.0 -> 3.0 V,
          0.5 -> 3.6 V,
          1.0 -> 4.2 V,
        }

        /// Equivalent-circuit model of one Li-ion cell.
        @semantic("https://example.org/ids/battery/Cell")
        asset Cell {
          parameter capacity: Charge(unit = A*h, min = 0.1 A*h) = 2.5 A*h "nominal capacity"
          parameter r0: Resistance = 15 mOhm
          constant cells_per_module: Int = 12
          input  current: Current               // discharge positive
          input  ambient: Temperature = 25 degC
          state  soc: Fraction = 1              // value of a state = its start value
          state  temp: Temperature = 25 degC
          output voltage: Voltage
          variable heat: Power = current^2 * r0 // binding equation
          discrete alarm: Bool = false
          equation {
            der(soc)  = -current / capacity
            der(temp) = (heat - (temp - ambient) / 3 K/W) / 40 J/K
            voltage   = ocv(soc) - current * r0
          }
        }
        """;

    [Fact]
    public void Bind_CellExample_NoDiagnostics() => BindingTestHost.AssertClean(Cell);

    [Fact]
    public void Bind_PackWithCouplingAssimilationScenario_NoDiagnostics()
    {
        const string pack = """
            package energy.battery

            asset CoolantLoop {
              input heat: Power
              state temperature: Temperature = 20 degC
              parameter c: HeatCapacity = 1000 J/K
              equation { der(temperature) = heat / c }
            }

            asset Pack {
              parameter n: Int = 96
              component cells: Cell[n](capacity = 3 A*h)
              component coolant: CoolantLoop
              input current: Current
              output voltage: Voltage
              equation {
                cells[i].current = current for i in 1..n
                voltage = sum(cells[i].voltage for i)
              }
              coupling thermal between cells (step 1 s) and coolant (step 60 s) {
                up   coolant.heat = sum(cells[i].heat for i)
                down cells[i].ambient = coolant.temperature for i
                conserve coolant.heat
                interpolation = linear
              }
            }

            assimilation PackEstimator for Pack {
              observe v_meas ~ normal(sum(cells[i].voltage for i), 5 mV) from "bms.csv" column "v" every 1 s
              estimate cells[*].soc
              estimate cells[*].r0 prior lognormal(15 mOhm, 0.2)
              filter ensemble(members = 64, inflation = 1.02)
              reject when abs(innovation) > 4 * sigma
              report rmse, spread, nis
            }

            scenario Discharge for Cell {
              time 0 s .. 2 h
              solver dopri5(rtol = 1e-6, atol = 1e-9)
              input current = step(at = 10 s, from = 0 A, to = 2 A)
              input ambient = csv("weather.csv", column = "T", unit = degC)
              set capacity = 3 A*h
              output every 10 s soc, temp, voltage
              sweep r0 in [10 mOhm, 15 mOhm, 20 mOhm]
              ensemble 100 seed 42 {
                capacity ~ normal(2.5 A*h, 0.1 A*h)
              }
            }
            """;
        BindingTestHost.AssertClean(Cell, pack);
    }

    [Fact]
    public void Bind_CircuitWithConnectors_NoDiagnostics()
    {
        BindingTestHost.AssertClean("""
            connector Pin {
              potential v: Voltage
              flow i: Current
            }

            asset Resistor {
              parameter r: Resistance = 1 Ohm
              port p: Pin
              port n: Pin
              equation {
                p.i + n.i = 0 A
                p.v - n.v = r * p.i
              }
            }

            asset Circuit {
              component r1: Resistor
              component r2: Resistor
              equation {
                connect(r1.n, r2.p)
              }
            }
            """);
    }

    [Fact]
    public void Bind_DiscreteBehaviourAndFunctions_NoDiagnostics()
    {
        BindingTestHost.AssertClean("""
            enum Mode { off, heating, cooling }

            function ocv_poly(soc: Fraction): Voltage = 3.0 V + 1.2 V * soc

            function arrhenius(k0: Real, ea: Real, t: Temperature): Real {
              let rt = 8.314 * t / 1 K
              return k0 * exp(-ea / rt)
            }

            surrogate loss(t: Temperature, i: Current): Power = polynomial(degree = 2) from "loss.csv"

            asset Ball {
              parameter e: Real = 0.8
              state h: Length = 1 m
              state v: Velocity = 0 m/s
              equation {
                der(h) = v
                der(v) = -9.81 m/s^2
              }
              when h < 0 m {
                reinit(v, -e * v)
              }
            }

            asset Heater {
              input temp: Temperature
              output power: Power
              discrete u: Power = 0 W
              discrete mode: Mode = Mode.off
              sampled every 1 s {
                u := if temp < 20 degC then 1 kW else 0 W
                mode := if temp < 20 degC then Mode.heating else Mode.off
              }
              equation { power = u + loss(temp, 1 A) * arrhenius(1, 2, temp) }
            }
            """);
    }
}
