using Pppk.Workflow.Runtime.Api;
using Pppk.Workflow.Runtime.UserTasks;

namespace Pppk.Workflow.Host.Inbox;

/// <summary>
/// The task list's cursor: the last task's sort values in the shared <see cref="ListCursor"/> (protected with the host's
/// keys), named by the sort, so a changed or cut cursor, or one of another sort, is refused rather than read.
/// </summary>
internal sealed class InboxCursor(ListCursor cursors)
{
    public string Write(InboxKey key) => cursors.Write(List(key.Sort), key.DueAt, key.Priority, key.CreatedAt, key.Id);

    /// <summary>The key a cursor carries, or null when it is not one this host gave out for <paramref name="sort"/>.</summary>
    public InboxKey? Read(string cursor, string sort) =>
        cursors.Read(cursor, List(sort)) is [var due, int priority, DateTimeOffset created, Guid id] && due is null or DateTimeOffset
            ? new InboxKey(sort, (DateTimeOffset?)due, priority, created, id)
            : null;

    private static string List(string sort) => "tasks:" + sort;
}
