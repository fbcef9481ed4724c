using System.Globalization;
using TwinLang.Diagnostics;
using Xunit;

namespace TwinLang.Units;

/// <summary>Unit text is culture-invariant: a French culture (decimal comma) changes nothing.</summary>
public class UnitCultureTests
{
    [Fact]
    public void UnitText_FrenchCulture_StaysInvariant()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fr-FR");
        try
        {
            var (source, syntax) = UnitTestContext.ParseUnit("m^-13");
            var diagnostics = new DiagnosticBag();
            UnitTestContext.Standard.Resolve(syntax, source, diagnostics);

            Assert.Equal("Expected a unit exponent between -12 and 12 other than 0 but found '-13'.", Assert.Single(diagnostics.ToSortedList()).Message);
            Assert.Equal("0.5*s", new Unit("s", Dimension.TimeDimension, 1).Times(0.5).Symbol);
            Assert.Equal("kg*m^2/(s^3*A)", new Dimension(2, 1, -3, -1, 0, 0, 0).ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
