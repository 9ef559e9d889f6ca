using Pppk.Workflow.Engine.Localization;

namespace Pppk.Workflow.Engine.Feel;

internal enum TokenKind
{
    Number,
    String,
    Name,
    /// <summary><c>@"..."</c>: the text holds the string content.</summary>
    Temporal,
    /// <summary>Operators and punctuation; the text is the symbol.</summary>
    Symbol,
    End,
}

internal readonly record struct Token(TokenKind Kind, string Text, int Line, int Column, int Offset, bool Quoted = false)
{
    public bool Is(string symbol) => Kind == TokenKind.Symbol && Text == symbol;

    public bool IsKeyword(string keyword) => Kind == TokenKind.Name && Text == keyword;

    public Term Describe() => Kind switch
    {
        TokenKind.End => FeelTexts.EndOfExpression,
        TokenKind.String => FeelTexts.Verbatim($"string {FeelString.Quote(Text)}"),
        TokenKind.Temporal => FeelTexts.Verbatim($"@{FeelString.Quote(Text)}"),
        _ => FeelTexts.Verbatim($"'{Text}'"),
    };
}
