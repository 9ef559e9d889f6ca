namespace Pppk.Workflow.Engine.Parsing;

/// <summary>
/// How big a BPMN file may be. The largest PPPK process (perpanjangan-kontrak, with its diagram) is 38 KB, 486 XML elements and
/// 6 levels deep; the defaults are a hundred times that and more, and refuse a hostile file before it costs memory or time.
/// </summary>
public sealed record BpmnLimits
{
    public static BpmnLimits Default { get; } = new();

    /// <summary>Characters of the file (about its size in bytes), checked before anything is read.</summary>
    public int MaxFileCharacters { get; init; } = 5 * 1024 * 1024;

    /// <summary>XML elements in the file, diagram included (a flow node with its shape is about five); counted while reading.</summary>
    public int MaxElements { get; init; } = 50_000;

    /// <summary>XML nesting levels (a task in a subprocess in a process is about six); checked while reading, so nested subprocesses stay bounded.</summary>
    public int MaxDepth { get; init; } = 64;
}
