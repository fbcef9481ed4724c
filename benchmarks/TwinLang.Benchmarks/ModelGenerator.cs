using System.Globalization;
using System.Text;

namespace TwinLang.Benchmarks;

/// <summary>
/// Writes a realistic model of a given size: families of battery cells (parameters with units, states,
/// equations, an event) and modules holding arrays of them (indexed equations and reductions), as a real
/// fleet library would. The text is deterministic and binds without errors.
/// </summary>
public static class ModelGenerator
{
    /// <summary>A model of at least <paramref name="lines"/> lines.</summary>
    public static string Generate(int lines)
    {
        var text = new StringBuilder();
        text.Append("/// A generated fleet of cell and module variants.\npackage bench.fleet version \"1.0.0\"\n\n");
        for (var k = 0; CountLines(text) < lines; k++)
        {
            AppendFamily(text, k);
        }

        return text.ToString();
    }

    private static int CountLines(StringBuilder text)
    {
        var count = 0;
        foreach (var chunk in text.GetChunks())
        {
            count += chunk.Span.Count('\n');
        }

        return count;
    }

    private static void AppendFamily(StringBuilder text, int k)
    {
        var r0 = 10 + (k % 10);
        var cells = 8 + (k % 8);
        text.Append(CultureInfo.InvariantCulture, $$"""
            /// Equivalent-circuit cell, variant {{k}}.
            asset Cell{{k}} {
              parameter capacity: Charge = {{2 + (k % 5) * 0.25}} A*h "nominal capacity"
              parameter r0: Resistance = {{r0}} mOhm "ohmic resistance"
              parameter r1: Resistance = 10 mOhm "polarisation resistance"
              parameter c1: Capacitance = 2 kF "polarisation capacitance"
              parameter heat_capacity: HeatCapacity = 40 J/K
              parameter r_th: ThermalResistance = 3 K/W
              input current: Current = 0 A
              input ambient: Temperature = 25 degC
              state soc: Fraction = 1 "state of charge"
              state v1: Voltage = 0 V
              state temp: Temperature = 25 degC
              output voltage: Voltage "terminal voltage"
              output heat: Power
              equation {
                der(soc) = -current / capacity
                der(v1) = current / c1 - v1 / (r1 * c1)
                heat = current^2 * r0 + v1^2 / r1
                der(temp) = (heat - (temp - ambient) / r_th) / heat_capacity
                voltage = 3.6 V + 0.6 V * soc - v1 - current * r0
              }
              when soc < 0.02 {
                terminate "cell empty"
              }
            }

            /// A module of {{cells}} cells in series, variant {{k}}.
            asset Module{{k}} {
              parameter n: Int = {{cells}}
              component cells: Cell{{k}}[n]
              input current: Current = 0 A
              input ambient: Temperature = 20 degC
              output voltage: Voltage
              output heat: Power
              output mean_soc: Fraction
              equation {
                cells[i].current = current for i in 1..n
                cells[i].ambient = ambient for i in 1..n
                voltage = sum(cells[i].voltage for i)
                heat = sum(cells[*].heat)
                mean_soc = mean(cells[*].soc)
              }
            }


            """);
    }
}
