using Pppk.Workflow.Engine.State;

namespace Pppk.Workflow.Runtime.Instances;

/// <summary>The text the inbox searches for a case: its title, subject (NIK) and <c>caseSearch</c> keys, lower case, space-separated.</summary>
internal static class CaseSearch
{
    public static string? Text(InstanceState state)
    {
        var parts = new[] { state.CaseTitle, state.CaseSubject }.Concat(state.CaseSearch ?? []).Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        return parts.Count == 0 ? null : string.Join(' ', parts).ToLowerInvariant();
    }
}
