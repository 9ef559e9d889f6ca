using System.Globalization;

namespace Pppk.Workflow.Engine.Localization;

/// <summary>Something a user reads, rendered in the language the user asked for.</summary>
public interface ILocalizable
{
    string In(Language language);
}

/// <summary>
/// One kind of user-facing message: a stable machine <see cref="Code"/> and its text in English and Indonesian, with
/// composite-format placeholders (<c>{0}</c>, <c>{1}</c>) for its arguments. Catalogs of these live in one file per project.
/// </summary>
public sealed record TextTemplate(string Code, string English, string Indonesian)
{
    public LocalizedText Format(params object?[] args) => new(this, args);

    public string In(Language language) => language == Language.Indonesian ? Indonesian : English;
}

/// <summary>
/// A message with its arguments, rendered on demand. Arguments that are themselves <see cref="ILocalizable"/> (an element's
/// name, a nested FEEL error) render in the same language; others are written as they are (ids, values, tokens).
/// </summary>
public sealed class LocalizedText(TextTemplate template, IReadOnlyList<object?> args) : ILocalizable
{
    public TextTemplate Template => template;

    public string Code => template.Code;

    public IReadOnlyList<object?> Args => args;

    public string In(Language language) =>
        string.Format(CultureInfo.InvariantCulture, template.In(language), args.Select(a => a is ILocalizable l ? l.In(language) : a).ToArray());

    /// <summary>The English text, as logs and existing API clients see it.</summary>
    public override string ToString() => In(Language.English);
}

/// <summary>A fixed pair of texts that is not a message of its own (a term used inside one, such as "condition").</summary>
public sealed record Term(string English, string Indonesian) : ILocalizable
{
    public string In(Language language) => language == Language.Indonesian ? Indonesian : English;

    public override string ToString() => English;
}
