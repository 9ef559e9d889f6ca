namespace Pppk.Workflow.Runtime.UserTasks;

/// <summary>The orders of the task list (<c>GET /api/tasks?sort=</c>): by due date (the default) or by priority, highest first.</summary>
public static class TaskSort
{
    private static readonly Dictionary<string, string> Orders = new(StringComparer.Ordinal)
    {
        ["due"] = "t.due_at NULLS LAST, t.created_at, t.id",
        ["priority"] = "t.priority DESC, t.due_at NULLS LAST, t.created_at, t.id",
    };

    public static IEnumerable<string> Names => Orders.Keys;

    public static bool IsKnown(string? sort) => sort is null || Orders.ContainsKey(sort);

    internal static string OrderBy(string? sort) => Orders.GetValueOrDefault(sort ?? "due", Orders["due"]);
}
