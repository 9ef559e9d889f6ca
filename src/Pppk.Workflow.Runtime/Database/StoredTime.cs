namespace Pppk.Workflow.Runtime.Database;

/// <summary>Times as PostgreSQL keeps them (microseconds), so what a call answers from memory equals what is read back later.</summary>
internal static class StoredTime
{
    public static DateTimeOffset Of(DateTimeOffset t) => t.AddTicks(-(t.Ticks % 10));
}
