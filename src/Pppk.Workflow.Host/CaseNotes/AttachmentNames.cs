using System.Text;

namespace Pppk.Workflow.Host.CaseNotes;

/// <summary>
/// The name an attachment is stored and offered under: the last part of what the client sent (no folders), without
/// control or path characters, trimmed of dots and spaces at the ends, at most <see cref="MaxLength"/> characters with
/// its extension kept.
/// </summary>
internal static class AttachmentNames
{
    public const int MaxLength = 120;

    private const int MaxExtension = 10;

    private const string Fallback = "lampiran";

    public static string Safe(string? claimed)
    {
        var name = (claimed ?? "").Normalize(NormalizationForm.FormC);
        name = name[(name.LastIndexOfAny(['/', '\\']) + 1)..];
        var safe = new StringBuilder(name.Length);
        foreach (var c in name)
            safe.Append(char.IsControl(c) || char.IsSurrogate(c) || "<>:\"|?*;".Contains(c) ? '_' : char.IsWhiteSpace(c) ? ' ' : c);
        var text = safe.ToString().Trim(' ', '.');
        if (text.Length == 0) return Fallback;
        if (text.Length <= MaxLength) return text;
        var extension = Path.GetExtension(text);
        if (extension.Length > MaxExtension) extension = "";
        return text[..(MaxLength - extension.Length)].TrimEnd(' ', '.') + extension;
    }

    /// <summary>The lower-case extension of a safe name (with its dot), or "" when it has none.</summary>
    public static string Extension(string safeName) => Path.GetExtension(safeName).ToLowerInvariant();
}
