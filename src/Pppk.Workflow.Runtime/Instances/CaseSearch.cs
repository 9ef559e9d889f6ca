using Pppk.Workflow.Engine.State;
using Pppk.Workflow.Runtime.Database;

namespace Pppk.Workflow.Runtime.Instances;

/// <summary>
/// The text the inbox and the case lists search for a case (<c>instances.search</c>): its title, subject (NIK) and
/// <c>caseSearch</c> keys, lower case, space-separated; and the condition that finds a case by part of it.
/// </summary>
internal static class CaseSearch
{
    public static string? Text(InstanceState state)
    {
        var parts = new[] { state.CaseTitle, state.CaseSubject }.Concat(state.CaseSearch ?? []).Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        return parts.Count == 0 ? null : string.Join(' ', parts).ToLowerInvariant();
    }

    /// <summary>The digits of the windows <c>pppk.search_numbers</c> indexes (migration Issue21NumberSearch): a NIK's length.</summary>
    public const int NumberWindow = 16;

    /// <summary>Whether <paramref name="search"/> asks for anything.</summary>
    public static bool Given(string? search) => !string.IsNullOrWhiteSpace(search);

    /// <summary>
    /// "The case's search text contains <paramref name="search"/>", any case, as a condition on the case (alias <c>i</c>)
    /// with its one parameter named <paramref name="name"/> (<paramref name="caseId"/>: the case's id as the query has it,
    /// such as a task's <c>t.instance_id</c>, so its index is used); null when nothing is searched. A number of 16 or more digits
    /// (a NIK, an NIP) is found by its first 16 digits on the numbers' index and rechecked whole: the trigram index read
    /// the posting lists of trigrams every NIK of a region shares (104-155 ms at 3,000,000 cases, against 1 ms for a name).
    /// The cases it names are read first (<c>pppk.cases_with_number</c>), as an array: an index the planner cannot estimate
    /// (every window is unique, so there are no statistics) must not be weighed against walking the list's order.
    /// </summary>
    public static (string Sql, (string Name, object Value) Parameter)? Condition(string? search, string name, string caseId = "i.id")
    {
        var text = search?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(text)) return null;
        if (text.Length >= NumberWindow && text.All(char.IsAsciiDigit))
            return ($"{caseId} = ANY (ARRAY(SELECT pppk.cases_with_number(@{name})))", (name, text));
        return ($"i.search LIKE @{name}", (name, LikePattern.Containing(text)));
    }
}
