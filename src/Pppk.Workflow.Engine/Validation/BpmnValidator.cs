using Pppk.Workflow.Engine.Expressions;
using Pppk.Workflow.Engine.Feel;
using Pppk.Workflow.Engine.Model;

namespace Pppk.Workflow.Engine.Validation;

/// <summary>
/// Checks a parsed file against the executable subset and returns every problem found, each naming the element and the fix.
/// Errors block deployment; warnings do not. Problems inside processes that are not executable are reported as warnings.
/// </summary>
public static class BpmnValidator
{
    /// <summary>Every problem of a parsed file; FEEL expressions are parsed within <paramref name="feelLimits"/> (default <see cref="FeelLimits.Default"/>).</summary>
    public static IReadOnlyList<ValidationProblem> Validate(BpmnDefinitions definitions, IEnumerable<string>? knownProcessKeys = null, FeelLimits? feelLimits = null)
    {
        var problems = new List<ValidationProblem>(definitions.ParseProblems);
        if (definitions.Source.Root is null)
            return problems;
        if (definitions.Processes.Count == 0)
        {
            problems.Add(ValidationProblem.Error(null, ValidationTexts.NoProcess.Format()));
            return problems;
        }
        if (!definitions.Processes.Any(p => p.IsExecutable))
            problems.Add(ValidationProblem.Error(null, ValidationTexts.NoExecutableProcess.Format()));

        var known = new HashSet<string>(knownProcessKeys ?? []);
        foreach (var p in definitions.Processes)
            known.Add(p.Id);
        var cache = new ExpressionCache(feelLimits);
        foreach (var process in definitions.Processes)
        {
            var found = new List<ValidationProblem>();
            var rules = new ElementRules(definitions, process, known, cache, found);
            rules.CheckProcess();
            if (process.IsExecutable)
                problems.AddRange(found);
            else
            {
                problems.Add(ValidationProblem.Warning(process.Id, ValidationTexts.ProcessNotExecutable.Format(process.Id)));
                problems.AddRange(found.Select(f => f with { Severity = Severity.Warning }));
            }
        }
        return problems;
    }

    public static bool IsValid(IReadOnlyList<ValidationProblem> problems) => problems.All(p => p.Severity != Severity.Error);
}
