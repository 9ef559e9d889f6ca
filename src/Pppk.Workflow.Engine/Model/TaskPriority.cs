using System.Globalization;

namespace Pppk.Workflow.Engine.Model;

/// <summary>A user task's priority (<c>zeebe:priorityDefinition priority</c>): a whole number from 0 to 100, 50 when not set, as in Camunda 8.</summary>
public static class TaskPriority
{
    public const int Default = 50;
    public const int Min = 0;
    public const int Max = 100;

    /// <summary>The priority a text gives (a literal, or the text of a FEEL number); null when it is not a whole number in range.</summary>
    public static int? Parse(string? text) =>
        decimal.TryParse(text?.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d)
            && d == decimal.Truncate(d) && d >= Min && d <= Max
            ? (int)d
            : null;
}
