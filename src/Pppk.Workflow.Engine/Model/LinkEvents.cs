namespace Pppk.Workflow.Engine.Model;

/// <summary>Link events: an intermediate throw link jumps to the intermediate catch link of the same name in the same scope.</summary>
internal static class LinkEvents
{
    public static bool IsLinkThrow(this FlowNode node) => node.ElementType == ElementType.IntermediateThrowEvent && node.Event?.Kind == EventKind.Link;

    public static bool IsLinkCatch(this FlowNode node) => node.ElementType == ElementType.IntermediateCatchEvent && node.Event?.Kind == EventKind.Link;

    /// <summary>The catch links of the throw link's scope with its name (validation allows exactly one).</summary>
    public static IEnumerable<FlowNode> CatchesFor(FlowNode thrower) =>
        thrower.Scope.Nodes.Where(n => n.IsLinkCatch() && n.Event!.LinkName == thrower.Event!.LinkName);
}
