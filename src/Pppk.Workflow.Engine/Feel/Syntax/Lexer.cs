using System.Globalization;
using System.Text;

namespace Pppk.Workflow.Engine.Feel;

/// <summary>Splits FEEL text into tokens. Names are single words here; the parser joins multi-word names.</summary>
internal sealed class Lexer(string source)
{
    private int pos;
    private int line = 1;
    private int lineStart;

    public List<Token> Tokenize()
    {
        var tokens = new List<Token>();
        while (true)
        {
            SkipTrivia();
            if (pos >= source.Length)
            {
                tokens.Add(new Token(TokenKind.End, "", line, pos - lineStart + 1, pos));
                return tokens;
            }
            tokens.Add(Next());
        }
    }

    private void SkipTrivia()
    {
        while (pos < source.Length)
        {
            var c = source[pos];
            if (c == '\n')
            {
                pos++;
                line++;
                lineStart = pos;
            }
            else if (char.IsWhiteSpace(c))
                pos++;
            else if (c == '/' && Peek(1) == '/')
            {
                while (pos < source.Length && source[pos] != '\n')
                    pos++;
            }
            else if (c == '/' && Peek(1) == '*')
            {
                var (l, col) = (line, pos - lineStart + 1);
                pos += 2;
                while (pos < source.Length && !(source[pos] == '*' && Peek(1) == '/'))
                {
                    if (source[pos] == '\n')
                    {
                        line++;
                        lineStart = pos + 1;
                    }
                    pos++;
                }
                if (pos >= source.Length)
                    throw new FeelSyntaxException(FeelTexts.UnterminatedComment.Format(), l, col);
                pos += 2;
            }
            else
                return;
        }
    }

    private char Peek(int ahead) => pos + ahead < source.Length ? source[pos + ahead] : '\0';

    private Token Next()
    {
        var start = pos;
        var column = pos - lineStart + 1;
        var c = source[pos];
        if (char.IsAsciiDigit(c) || (c == '.' && char.IsAsciiDigit(Peek(1))))
            return Number(start, column);
        if (c == '"')
            return new Token(TokenKind.String, ReadString(column), line, column, start);
        if (c == '@' && Peek(1) == '"')
        {
            pos++;
            return new Token(TokenKind.Temporal, ReadString(column + 1), line, column, start);
        }
        if (c == '`')
        {
            var end = source.IndexOf('`', pos + 1);
            if (end < 0)
                throw new FeelSyntaxException(FeelTexts.UnterminatedName.Format(), line, column);
            var text = source[(pos + 1)..end];
            pos = end + 1;
            return new Token(TokenKind.Name, text, line, column, start, Quoted: true);
        }
        if (IsNameStart(c))
        {
            while (pos < source.Length && IsNamePart(source[pos]))
                pos++;
            return new Token(TokenKind.Name, source[start..pos], line, column, start);
        }
        foreach (var symbol in Symbols)
        {
            if (string.CompareOrdinal(source, pos, symbol, 0, symbol.Length) == 0)
            {
                pos += symbol.Length;
                return new Token(TokenKind.Symbol, symbol, line, column, start);
            }
        }
        throw new FeelSyntaxException(FeelTexts.UnexpectedCharacter.Format(c), line, column);
    }

    // Longest first, so "**" wins over "*" and ".." over ".".
    private static readonly string[] Symbols =
        ["**", "..", "<=", ">=", "!=", "+", "-", "*", "/", "=", "<", ">", "(", ")", "[", "]", "{", "}", ",", ":", ".", "?"];

    // Surrogates: names may use any Unicode letter or symbol beyond the BMP ({🐎: "bar"}).
    private static bool IsNameStart(char c) => char.IsLetter(c) || c == '_' || c == '$' || char.IsSurrogate(c);

    // The apostrophe is a name part (DMN 1.5 §10.3.1.2 additional name symbols): "Applicant's age".
    private static bool IsNamePart(char c) => char.IsLetterOrDigit(c) || c is '_' or '$' or '?' or '\'' or '\u2019' || char.IsSurrogate(c);

    private Token Number(int start, int column)
    {
        while (pos < source.Length && char.IsAsciiDigit(source[pos]))
            pos++;
        if (pos < source.Length && source[pos] == '.' && char.IsAsciiDigit(Peek(1)))
        {
            pos++;
            while (pos < source.Length && char.IsAsciiDigit(source[pos]))
                pos++;
        }
        if (pos < source.Length && source[pos] is 'e' or 'E'
            && (char.IsAsciiDigit(Peek(1)) || (Peek(1) is '+' or '-' && char.IsAsciiDigit(Peek(2)))))
        {
            pos += 2;
            while (pos < source.Length && char.IsAsciiDigit(source[pos]))
                pos++;
        }
        var text = source[start..pos];
        if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            throw new FeelSyntaxException(FeelTexts.NumberOutOfRange.Format(text), line, column);
        return new Token(TokenKind.Number, text, line, column, start);
    }

    private string ReadString(int column)
    {
        var startLine = line;
        pos++; // opening quote
        var sb = new StringBuilder();
        while (true)
        {
            if (pos >= source.Length)
                throw new FeelSyntaxException(FeelTexts.UnterminatedString.Format(), startLine, column);
            var c = source[pos++];
            if (c == '"')
                return sb.ToString();
            if (c == '\n')
            {
                line++;
                lineStart = pos;
            }
            if (c != '\\')
            {
                sb.Append(c);
                continue;
            }
            var e = pos < source.Length ? source[pos++] : '\0';
            switch (e)
            {
                case '"': sb.Append('"'); break;
                case '\'': sb.Append('\''); break;
                case '\\': sb.Append('\\'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'u' when pos + 4 <= source.Length
                    && int.TryParse(source.AsSpan(pos, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code):
                    sb.Append((char)code);
                    pos += 4;
                    break;
                case 'U' when pos + 6 <= source.Length
                    && int.TryParse(source.AsSpan(pos, 6), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var cp):
                    sb.Append(char.ConvertFromUtf32(cp));
                    pos += 6;
                    break;
                default:
                    // Kept as written (a regular expression's "\d", "\s", "\1"), as other FEEL engines and the TCK do.
                    sb.Append('\\').Append(e);
                    break;
            }
        }
    }
}
