namespace Pppk.Workflow.Engine.Feel;

/// <summary>
/// Names in scope that the parser matches as a whole (DMN 1.5 §10.3.1.2: a known name may contain keywords and the
/// operators <c>. / - ' + *</c>), as token sequences grouped by their first word, longest first.
/// </summary>
internal sealed class KnownNames
{
    private readonly Dictionary<string, List<(string Name, Token[] Tokens)>> byFirst = new(StringComparer.Ordinal);

    public static KnownNames? Of(IEnumerable<string>? names)
    {
        if (names is null)
            return null;
        var known = new KnownNames();
        foreach (var name in names)
        {
            if (string.IsNullOrWhiteSpace(name))
                continue;
            List<Token> tokens;
            try
            {
                tokens = new Lexer(name).Tokenize();
            }
            catch (FeelSyntaxException)
            {
                continue; // not writable in FEEL at all: only a backtick name reaches it
            }
            tokens.RemoveAt(tokens.Count - 1); // End
            if (tokens.Count < 2 || tokens[0].Kind != TokenKind.Name)
                continue; // one word: the ordinary name rules read it
            if (!known.byFirst.TryGetValue(tokens[0].Text, out var list))
                known.byFirst[tokens[0].Text] = list = [];
            list.Add((name, tokens.ToArray()));
        }
        foreach (var list in known.byFirst.Values)
            list.Sort((a, b) => b.Tokens.Length.CompareTo(a.Tokens.Length));
        return known.byFirst.Count == 0 ? null : known;
    }

    /// <summary>The longest known name starting at <paramref name="at"/>, and how many tokens it spans.</summary>
    public (string Name, int Length)? Match(List<Token> tokens, int at)
    {
        if (!byFirst.TryGetValue(tokens[at].Text, out var candidates))
            return null;
        foreach (var (name, words) in candidates)
        {
            if (at + words.Length >= tokens.Count)
                continue;
            var matches = true;
            for (var i = 0; i < words.Length && matches; i++)
                matches = tokens[at + i].Kind == words[i].Kind && tokens[at + i].Text == words[i].Text && !tokens[at + i].Quoted;
            if (matches)
                return (name, words.Length);
        }
        return null;
    }
}
