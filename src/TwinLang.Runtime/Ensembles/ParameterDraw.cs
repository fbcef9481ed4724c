namespace TwinLang.Runtime.Ensembles;

/// <summary>What every ensemble member draws for one scenario line: an independent value per listed parameter.</summary>
/// <param name="Name">The target as the user wrote it (<c>cells[*].r0</c>), for reports.</param>
/// <param name="Parameters">Indices into <see cref="ITwinModel.ParameterValues"/>, drawn in this order.</param>
/// <param name="Distribution">The distribution in SI (already truncated to declared limits).</param>
public sealed record ParameterDraw(string Name, IReadOnlyList<int> Parameters, Distribution Distribution);
