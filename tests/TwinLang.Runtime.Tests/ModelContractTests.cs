using TwinLang.Runtime.Tests.Models;
using Xunit;

namespace TwinLang.Runtime.Tests;

public sealed class ModelContractTests
{
    [Theory]
    [InlineData(VariableKind.State, "v", 0)]
    [InlineData(VariableKind.Parameter, "C", 1)]
    [InlineData(VariableKind.Input, "u", 0)]
    [InlineData(VariableKind.Output, "i", 0)]
    [InlineData(VariableKind.Output, "v", -1)]
    [InlineData(VariableKind.Parameter, "c", -1)]
    public void IndexOf_ByKindAndOrdinalName_FindsTheArrayIndex(VariableKind kind, string name, int expected)
    {
        Assert.Equal(expected, new RcCircuit().Description.IndexOf(kind, name));
    }

    [Fact]
    public void SparsityPattern_ConsistentCsr_ExposesCounts()
    {
        var pattern = new SparsityPattern(2, 2, [0, 2, 3], [0, 1, 1]);

        Assert.Equal(3, pattern.NonZeroCount);
        Assert.Equal([0, 2, 3], pattern.RowPointers.ToArray());
        Assert.Equal([0, 1, 1], pattern.ColumnIndices.ToArray());
    }

    [Fact]
    public void SparsityPattern_RowPointersDisagreeWithEntries_Throws()
    {
        Assert.Throws<ArgumentException>(() => new SparsityPattern(2, 2, [0, 2, 4], [0, 1, 1]));
        Assert.Throws<ArgumentException>(() => new SparsityPattern(2, 2, [0, 3], [0, 1, 1]));
    }
}
