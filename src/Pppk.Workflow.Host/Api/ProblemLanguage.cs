using Pppk.Workflow.Engine.Localization;

namespace Pppk.Workflow.Host.Api;

/// <summary>Problems answered in the request's language (<see cref="RequestLanguage.Language"/>).</summary>
public static class ProblemLanguage
{
    /// <summary>
    /// Every problem gets a <c>code</c>: a problem without a text of its own gets its status's (<see cref="HostTexts.ForStatus"/>,
    /// else <c>http-NNN</c>). For Indonesian requests it also gets the Indonesian title of its status; the English sentence,
    /// which names the thing, stays in <c>detail</c> for support.
    /// </summary>
    public static void Localize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Extensions.ContainsKey("code"))
            return;
        if (HostTexts.ForStatus(problem.Status) is not { } text)
        {
            if (problem.Status is { } status) problem.Extensions["code"] = $"http-{status}";
            return;
        }
        problem.Extensions["code"] = text.Code;
        if (context.HttpContext.Request.Language() != Engine.Localization.Language.Indonesian)
            return;
        if (string.IsNullOrEmpty(problem.Detail) && problem.Title is { Length: > 0 } english)
            problem.Detail = english;
        problem.Title = text.Indonesian;
    }
}
