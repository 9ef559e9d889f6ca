namespace Pppk.Workflow.Host.Exports;

/// <summary><c>Exports</c>: how many rows one export may hold (100,000); a longer list is refused with a 400 that asks for a narrower filter.</summary>
public sealed class ExportOptions
{
    public const string Section = "Exports";

    public int MaxRows { get; set; } = 100_000;

    /// <summary>Rows read from the list per round trip while the file is written.</summary>
    public int PageRows { get; set; } = 1_000;
}
