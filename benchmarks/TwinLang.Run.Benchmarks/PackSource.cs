using System.Globalization;

namespace TwinLang.Run.Benchmarks;

/// <summary>The benchmark twins as .twin source: a pack of <c>n</c> cells in series and Lorenz-96; only the sizes differ between runs.</summary>
internal static class PackSource
{
    public static string Pack(int cells) => string.Create(CultureInfo.InvariantCulture, $$"""
        asset Cell {
          parameter capacity: Charge = 2.5 A*h
          parameter r0: Resistance = 15 mOhm
          parameter heat_capacity: HeatCapacity = 40 J/K
          parameter r_th: ThermalResistance = 3 K/W
          input current: Current = 0 A
          input ambient: Temperature = 20 degC
          state soc: Fraction = 0.9
          state temp: Temperature = 20 degC
          output voltage: Voltage
          equation {
            der(soc) = -current / capacity
            der(temp) = (current^2 * r0 - (temp - ambient) / r_th) / heat_capacity
            voltage = 3.2 V + 1 V * soc - current * r0
          }
        }

        asset Pack {
          parameter n: Int = {{cells}}
          component cells: Cell[n]
          input current: Current = 2.5 A
          output voltage: Voltage
          equation {
            cells[i].current = current for i in 1..n
            cells[i].ambient = 20 degC for i in 1..n
            voltage = sum(cells[i].voltage for i)
          }
        }

        scenario OneHour for Pack {
          time 0 s .. 1 h
          solver dopri5(rtol = 1e-6, atol = 1e-8)
          output every 1 min voltage
        }

        """);

    public static string Lorenz96(int size) => string.Create(CultureInfo.InvariantCulture, $$"""
        asset Lorenz96 {
          parameter n: Int = {{size}}
          parameter forcing: Real = 8
          parameter rate: Frequency = 1 Hz
          state x: Real[n]
          initial equation {
            x[i] = forcing + 0.01 * i for i in 1..n
          }
          equation {
            der(x[i]) = rate * ((x[i + 1] - x[i - 2]) * x[i - 1] - x[i] + forcing) for i in 3..n - 1
            der(x[1]) = rate * ((x[2] - x[n - 1]) * x[n] - x[1] + forcing)
            der(x[2]) = rate * ((x[3] - x[n]) * x[1] - x[2] + forcing)
            der(x[n]) = rate * ((x[1] - x[n - 2]) * x[n - 1] - x[n] + forcing)
          }
        }

        """);
}
