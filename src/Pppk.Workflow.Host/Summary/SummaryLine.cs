using System.Text.Json.Serialization;

namespace Pppk.Workflow.Host.Summary;

/// <summary>
/// One line of a case summary as people read it: <see cref="Kind"/> is the declared format, <c>empty</c> when there is no
/// value (then <see cref="Value"/> is the declared empty text) or <c>error</c> when it could not be shown.
/// </summary>
public sealed record SummaryLine(string Label, string Value, string Kind,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Columns = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<IReadOnlyList<string>>? Rows = null)
{
    public const string Empty = "empty";
    public const string Error = "error";

    /// <summary>What a line shows when its value can't be formatted; the rest of the summary is still shown.</summary>
    public const string Unshowable = "tidak dapat ditampilkan";

    /// <summary>What an empty line shows when its declaration names no text of its own: never "" or ".".</summary>
    public const string DefaultEmpty = "tidak ada";
}
