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

    public string Describe() => Kind switch
    {
        TokenKind.End => "end of expression",
        TokenKind.String => $"string {FeelString.Quote(Text)}",
        TokenKind.Temporal => $"@{FeelString.Quote(Text)}",
        _ => $"'{Text}'",
    };
}
