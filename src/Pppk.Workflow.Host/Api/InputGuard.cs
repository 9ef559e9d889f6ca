using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Pppk.Workflow.Host.Api;

/// <summary>
/// Checks every request before its endpoint runs, so nothing unchecked reaches PostgreSQL or fills memory: the body size
/// (the endpoint's <see cref="BodyKind"/>, a 413 naming the limit), the query, the route values, a JSON body (parsed once
/// here, walked by <see cref="JsonBodyCheck"/>; malformed JSON is a 400 with its position) and a form body (a garbled
/// multipart body is a 400). Each problem is a 400 naming the field (<see cref="InputProblem"/>).
/// </summary>
internal sealed class InputGuard(RequestDelegate next, IOptions<LimitsOptions> options)
{
    private readonly LimitsOptions _limits = options.Value;
    private readonly Dictionary<string, FieldRule> _rules = InputLimits.Fields(options.Value);

    public async Task InvokeAsync(HttpContext http)
    {
        if (http.GetEndpoint() is not { } endpoint)
        {
            await next(http);
            return;
        }
        var limit = _limits.BodyBytes(endpoint.Metadata.GetMetadata<BodyLimit>()?.Kind ?? BodyKind.Json);
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = limit;
        var problem = http.Request.ContentLength > limit ? TooLarge(limit)
            : QueryCheck.Problem(http.Request.QueryString.Value, _rules)?.ToResult()
            ?? RouteProblem(http.Request)?.ToResult()
            ?? FileNameHeaderProblem(http.Request)?.ToResult()
            ?? await BodyProblemAsync(http, limit);
        if (problem is not null)
        {
            await problem.ExecuteAsync(http);
            return;
        }
        await next(http);
    }

    private static InputProblem? RouteProblem(HttpRequest request)
    {
        // Ids and keys in /api paths have a length; the web front's own paths only must be text.
        var max = request.Path.StartsWithSegments("/api") ? InputLimits.QueryValue : int.MaxValue;
        foreach (var (name, value) in request.RouteValues)
            if (value is string text && TextCheck.Problem(HostTexts.Fields.Route, name, text, max) is { } problem)
                return problem;
        return null;
    }

    /// <summary>A BPMN file sent as the body names itself in <c>X-File-Name</c> (stored with the definition).</summary>
    private static InputProblem? FileNameHeaderProblem(HttpRequest request) =>
        request.Headers[FileNameHeader].FirstOrDefault() is { } name ? TextCheck.Problem(HostTexts.Fields.Header, FileNameHeader, name, InputLimits.FileName) : null;

    private const string FileNameHeader = "X-File-Name";

    private async Task<IResult?> BodyProblemAsync(HttpContext http, long limit)
    {
        var request = http.Request;
        try
        {
            if (request.HasJsonContentType()) return await JsonProblemAsync(request, limit);
            if (request.HasFormContentType) return FormProblem(await request.ReadFormAsync(http.RequestAborted))?.ToResult();
            return null;
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(limit);
        }
        catch (Exception e) when (e is InvalidDataException or IOException && !http.RequestAborted.IsCancellationRequested)
        {
            return new LocalizedProblem(HostTexts.FormInvalid.Format(e.Message), StatusCodes.Status400BadRequest);
        }
    }

    /// <summary>Reads the JSON body (at most the limit), checks it, and puts it back for the endpoint.</summary>
    private async Task<IResult?> JsonProblemAsync(HttpRequest request, long limit)
    {
        var body = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, request.HttpContext.RequestAborted)) > 0)
        {
            if (body.Length + read > limit) return TooLarge(limit);
            body.Write(buffer, 0, read);
        }
        body.Position = 0;
        request.Body = body;
        request.HttpContext.Response.RegisterForDispose(body);
        // An empty body is the endpoint's to judge (an optional body, or "body required").
        if (body.Length == 0) return null;
        try
        {
            using var json = JsonDocument.Parse(body.GetBuffer().AsMemory(0, (int)body.Length), new JsonDocumentOptions { MaxDepth = InputLimits.JsonDepth });
            return new JsonBodyCheck(_rules).Problem(json.RootElement)?.ToResult();
        }
        catch (JsonException e)
        {
            return new LocalizedProblem(HostTexts.InvalidJson.Format(e.Message), StatusCodes.Status400BadRequest);
        }
    }

    private static InputProblem? FormProblem(IFormCollection form)
    {
        foreach (var (name, values) in form)
        {
            if (TextCheck.Problem(HostTexts.Fields.Form, name, name, InputLimits.QueryValue) is { } badName) return badName;
            foreach (var value in values)
                if (TextCheck.Problem(HostTexts.Fields.Form, name, value ?? "", InputLimits.Text) is { } problem) return problem;
        }
        foreach (var file in form.Files)
            if (TextCheck.Problem(HostTexts.Fields.FileName, file.FileName, file.FileName, InputLimits.FileName) is { } problem)
                return problem;
        return null;
    }

    private static LocalizedProblem TooLarge(long limit) =>
        new(HostTexts.BodyTooLarge.Format(limit), StatusCodes.Status413PayloadTooLarge, LocalizedProblem.Extras(null, limit));
}

public static class InputGuardSetup
{
    /// <summary>The <c>Limits</c> options, validated at start-up, and model binding that names what it could not bind.</summary>
    public static IServiceCollection AddInputChecks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LimitsOptions>().Bind(configuration.GetSection(LimitsOptions.Section))
            .Validate(l => l.JsonBodyBytes > 0 && l.BatchBodyBytes > 0 && l.DefinitionBodyBytes > 0 && l.ImportBodyBytes > 0, "Limits: every *BodyBytes must be positive.")
            .Validate(l => l.BatchMaxInstances > 0, "Limits:BatchMaxInstances must be positive.")
            .Validate(l => l.AttachmentBytes is > 0 and <= 100L * 1024 * 1024, "Limits:AttachmentBytes must be 1 to 104857600 (100 MB): attachments are kept in the database row.")
            .ValidateOnStart();
        // A body the endpoint cannot bind (a wrong type, a wrong content type) throws, so WorkflowExceptionHandler can say
        // which field, or 415, instead of a bare status.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return services;
    }

    /// <summary>Right after routing (the endpoint is known) and before anything reads a body.</summary>
    public static IApplicationBuilder UseInputChecks(this IApplicationBuilder app) => app.UseMiddleware<InputGuard>();
}
