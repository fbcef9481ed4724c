using TwinLang.Emit.Interfaces;
using TwinLang.Interfaces.Validation;
using TwinLang.Interfaces.Validation.Aas;
using TwinLang.Interfaces.Validation.Dtdl;
using TwinLang.Interfaces.Validation.Fmi;
using Xunit;

namespace TwinLang.Emit.Tests.Interfaces;

/// <summary>Every document emitted from every example and from the standard library validates with no finding.</summary>
public class InterfaceValidationTests
{
    public static TheoryData<string> Corpus()
    {
        var data = new TheoryData<string>();
        foreach (var name in InterfaceTestHost.ExampleNames())
        {
            data.Add(name);
        }

        data.Add("stdlib");
        return data;
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void EmittedDocuments_OfCorpus_ValidateWithoutFindings(string name)
    {
        var result = Emit(name);

        Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
        Assert.NotEmpty(result.Documents);
        var findings = result.Documents.SelectMany(d => Validate(d).Select(f => $"{d.FileName}: {f}")).ToList();
        Assert.True(findings.Count == 0, string.Join("\n", findings));
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void EmittedDocuments_OfCorpus_HaveOneOfEachFormatPerAsset(string name)
    {
        var result = Emit(name);

        var perAsset = result.Documents.GroupBy(d => d.AssetName).ToList();
        Assert.All(perAsset, g => Assert.Equal([InterfaceFormats.Dtdl, InterfaceFormats.Aas, InterfaceFormats.Fmi], g.Select(d => d.Format)));
        Assert.Equal(result.Documents.Count, result.Documents.Select(d => d.FileName).Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Emission_Twice_IsByteIdentical(string name)
    {
        var first = Emit(name);
        var culture = Thread.CurrentThread.CurrentCulture;
        try
        {
            Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("fr-FR");
            var second = Emit(name);

            Assert.Equal(first.Documents, second.Documents);
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = culture;
        }
    }

    internal static InterfaceEmitResult Emit(string name) =>
        InterfaceTestHost.Emit(name == "stdlib" ? [] : InterfaceTestHost.LoadExample(name));

    internal static IReadOnlyList<Finding> Validate(InterfaceDocument document) => document.Format switch
    {
        InterfaceFormats.Dtdl => new DtdlValidator().Validate(document.Content),
        InterfaceFormats.Aas => new AasValidator(AasValidationOptions.Emitted).Validate(document.Content),
        _ => new FmiValidator().Validate(document.Content),
    };
}
