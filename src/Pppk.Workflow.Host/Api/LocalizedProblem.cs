using Pppk.Workflow.Engine.Localization;

namespace Pppk.Workflow.Host.Api;

/// <summary>An RFC 7807 problem whose title is one of our texts, in the caller's language, with its code.</summary>
public static class LocalizedProblem
{
    public static IResult For(HttpRequest request, LocalizedText text, int status) =>
        Results.Problem(title: text.In(request.Language()), statusCode: status, extensions: new Dictionary<string, object?> { ["code"] = text.Code });
}
