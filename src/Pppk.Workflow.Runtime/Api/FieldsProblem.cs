using Microsoft.AspNetCore.Http;
using Pppk.Workflow.Engine.Localization;

namespace Pppk.Workflow.Runtime.Api;

/// <summary>A 400 naming each field that is wrong (a form, a typed-in record).</summary>
public static class FieldsProblem
{
    /// <summary>400 with every problem under its field (<c>errors</c>), the first as title, <c>code</c> and <c>field</c>.</summary>
    public static IResult Invalid(IReadOnlyList<(string Field, LocalizedText Text)> problems, Language language) =>
        Results.ValidationProblem(
            problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Text.In(language)).ToArray()),
            title: problems[0].Text.In(language),
            extensions: new Dictionary<string, object?> { ["code"] = problems[0].Text.Code, ["field"] = problems[0].Field });
}
