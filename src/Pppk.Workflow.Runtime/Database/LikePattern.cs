namespace Pppk.Workflow.Runtime.Database;

/// <summary>
/// A person's search text as a PostgreSQL <c>LIKE</c>/<c>ILIKE</c> pattern, its wildcards (<c>%</c>, <c>_</c>) and the
/// escape character (<c>\</c>, PostgreSQL's default) escaped, so that "50%" finds "50%" and not everything. The columns
/// searched carry trigram (<c>gin_trgm_ops</c>) indexes, which answer both shapes at any table size.
/// </summary>
public static class LikePattern
{
    /// <summary><paramref name="text"/> with LIKE's special characters escaped.</summary>
    public static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    /// <summary>"contains <paramref name="text"/>".</summary>
    public static string Containing(string text) => "%" + Escape(text) + "%";

    /// <summary>"starts with <paramref name="text"/>".</summary>
    public static string StartingWith(string text) => Escape(text) + "%";
}
