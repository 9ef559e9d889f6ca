using Microsoft.AspNetCore.Http;
using Pppk.Workflow.Engine.Localization;

namespace Pppk.Workflow.Runtime.Api;

/// <summary>
/// An RFC 7807 problem whose title is a text of ours, rendered in the request's language when it is written (so code that
/// has no request at hand, like <see cref="Paging"/>, can still answer in Indonesian), with the text's <c>code</c>.
/// </summary>
public sealed class LocalizedProblem(LocalizedText text, int status, IReadOnlyDictionary<string, object?>? extensions = null) : IResult
{
    public LocalizedText Text => text;

    public int Status => status;

    public Task ExecuteAsync(HttpContext http)
    {
        var all = new Dictionary<string, object?> { ["code"] = text.Code };
        foreach (var (key, value) in extensions ?? new Dictionary<string, object?>()) all[key] = value;
        return Results.Problem(title: text.In(http.Request.Language()), statusCode: status, extensions: all).ExecuteAsync(http);
    }

    public static LocalizedProblem BadRequest(LocalizedText text, string? field = null, long? limit = null) =>
        new(text, StatusCodes.Status400BadRequest, Extras(field, limit));

    /// <summary>The field a problem is about and the limit it broke, for clients that point at the input.</summary>
    public static Dictionary<string, object?>? Extras(string? field, long? limit)
    {
        if (field is null && limit is null) return null;
        var extras = new Dictionary<string, object?>();
        if (field is not null) extras["field"] = field;
        if (limit is not null) extras["limit"] = limit;
        return extras;
    }
}
