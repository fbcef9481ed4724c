using System.Globalization;
using System.Text;

namespace TwinLang.LanguageServer.Benchmarks;

/// <summary>A generated, error-free file of about 5 000 lines: many small thermal assets that reference each other.</summary>
internal static class LargeModel
{
    /// <summary>Each asset is 20 lines.</summary>
    public const int AssetCount = 250;

    public static string Text { get; } = Build();

    /// <summary>The line of the empty line inside the last asset's equation section, where completion is asked.</summary>
    public static int CompletionLine { get; private set; }

    private static string Build()
    {
        var builder = new StringBuilder("package bench.large\n\n");
        var line = 2;
        for (var i = 0; i < AssetCount; i++)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"Room{i}");
            builder.Append(CultureInfo.InvariantCulture, $"/// Room number {i}.\n");
            builder.Append(CultureInfo.InvariantCulture, $"asset {name} {{\n");
            builder.Append("  parameter c: HeatCapacity = 40 kJ/K \"thermal mass\"\n");
            builder.Append("  parameter g: ThermalConductance = 25 W/K\n");
            builder.Append("  parameter area: Area = 20 m^2\n");
            builder.Append("  input ambient: Temperature = 10 degC\n");
            builder.Append("  input heating: Power = 0 W\n");
            builder.Append("  state temp: Temperature = 20 degC\n");
            builder.Append("  output loss: Power\n");
            builder.Append("  output density: HeatFlux\n");
            builder.Append("  variable net: Power\n");
            builder.Append("  equation {\n");
            builder.Append("    loss = g * (temp - ambient)\n");
            builder.Append("    net = heating - loss\n");
            builder.Append("    der(temp) = net / c\n");
            builder.Append("    density = loss / area\n");
            builder.Append("    \n");
            builder.Append("  }\n");
            builder.Append("}\n");
            builder.Append('\n');
            CompletionLine = line + 16;
            line += 20;
        }

        return builder.ToString();
    }
}
