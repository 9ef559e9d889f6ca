using Pppk.Workflow.Engine.Localization;

namespace Pppk.Workflow.Engine.Migration;

/// <summary>One line of a migration plan: the active element <paramref name="SourceElementId"/> of the source version moves to <paramref name="TargetElementId"/> of the target.</summary>
public sealed record ElementMapping(string SourceElementId, string TargetElementId);

/// <summary>Why a plan (migration, modification) cannot run: a stable code, the element it is about and the text in both languages.</summary>
public sealed record PlanProblem(string Code, string ElementId, LocalizedText Message);

/// <summary>A checked plan: every problem found, and the effective mapping of each active element (the implicit same-id ones included).</summary>
public sealed record MigrationPlan(IReadOnlyList<PlanProblem> Problems, IReadOnlyList<ElementMapping> Mappings)
{
    public bool IsValid => Problems.Count == 0;
}
