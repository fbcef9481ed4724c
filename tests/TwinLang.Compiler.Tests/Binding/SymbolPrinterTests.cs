using TwinLang.Binding;
using Xunit;

namespace TwinLang.Compiler.Tests.Binding;

public class SymbolPrinterTests
{
    [Fact]
    public void Print_Declarations_AnnotatesEachLine()
    {
        var model = BindingTestHost.Bind("""
            package demo version "1.0.0"
            asset Cell {
              parameter capacity: Charge(unit = A*h) = 2.5 A*h
              parameter n: Int = 3
              state soc: Fraction = 1
              input x: Real[n]
              equation { der(soc) = -sum(x[i] for i) / 1 s }
            }
            """);
        var tree = model.Trees.Single(t => t.Text.Path == "main.twin");

        var printed = SymbolPrinter.Print(model, tree);

        Assert.Equal("""
            package demo version "1.0.0"
            //@[1:9) Package demo version 1.0.0
            asset Cell {
            //@[2:7) Asset demo.Cell
              parameter capacity: Charge(unit = A*h) = 2.5 A*h
            //@[3:13) Parameter capacity: Charge [s*A] unit A*h
              parameter n: Int = 3
            //@[4:13) Parameter n: Int
              state soc: Fraction = 1
            //@[5:9) State soc: Fraction [1] unit 1
              input x: Real[n]
            //@[6:9) Input x: Real[3] [1]
              equation { der(soc) = -sum(x[i] for i) / 1 s }
            //@[7:39) Iterator i in 1..3 (inferred)
            }

            """.Replace("\r\n", "\n", StringComparison.Ordinal), printed);
    }
}
