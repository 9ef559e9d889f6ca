namespace Pppk.Workflow.Engine.Localization;

/// <summary>The languages user-facing messages are written in. English is the default: API clients, logs and tests.</summary>
public enum Language { English, Indonesian }

public static class Languages
{
    /// <summary>
    /// The language an HTTP Accept-Language header asks for: Indonesian when <c>id</c> (or <c>id-ID</c>) is preferred over
    /// English, otherwise English.
    /// </summary>
    public static Language FromAcceptLanguage(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
            return Language.English;
        var best = Language.English;
        var bestQuality = -1.0;
        foreach (var part in header.Split(','))
        {
            var pieces = part.Split(';');
            var tag = pieces[0].Trim();
            var quality = 1.0;
            foreach (var parameter in pieces.Skip(1))
                if (parameter.Trim() is ['q', '=', .. var q] && double.TryParse(q, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var parsed))
                    quality = parsed;
            Language? language = tag.Equals("id", StringComparison.OrdinalIgnoreCase) || tag.StartsWith("id-", StringComparison.OrdinalIgnoreCase) ? Language.Indonesian
                : tag.Equals("en", StringComparison.OrdinalIgnoreCase) || tag.StartsWith("en-", StringComparison.OrdinalIgnoreCase) || tag == "*" ? Language.English
                : null;
            if (language is { } l && quality > bestQuality)
                (best, bestQuality) = (l, quality);
        }
        return best;
    }
}
