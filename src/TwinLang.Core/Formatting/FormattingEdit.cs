using TwinLang.Text;

namespace TwinLang.Formatting;

/// <summary>Replace the text at <see cref="Span"/> of the original document with <see cref="NewText"/>.</summary>
public readonly record struct FormattingEdit(TextSpan Span, string NewText);
