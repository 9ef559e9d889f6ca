using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Pppk.Workflow.Host.Auth;
using Pppk.Workflow.Host.Security;
using Scalar.AspNetCore;

namespace Pppk.Workflow.Host.OpenApi;

/// <summary>
/// The machine-readable description of the REST API: an OpenAPI 3.1 document generated from the mapped endpoints at
/// <see cref="DocumentPath"/>, and Scalar's reference page rendering it at <see cref="PagePath"/>. Both are public: the
/// description names routes and shapes, never a record, and an integrator reads it before holding a key.
/// </summary>
public static partial class ApiDescription
{
    public const string DocumentPath = "/openapi/v1.json";
    public const string PagePath = "/docs";

    /// <summary>The shared schema of every refusal (RFC 9457 problem details with our <c>code</c> and <c>field</c>).</summary>
    public const string ProblemSchema = "Problem";

    public const string CookieScheme = "Cookie";
    public const string ApiKeyScheme = "ApiKey";

    /// <summary>How long one built document is served: the routes only change with a new build, and building it takes a fraction of a second.</summary>
    public static readonly TimeSpan DocumentLifetime = TimeSpan.FromHours(1);

    public static IServiceCollection AddApiDescription(this IServiceCollection services) => services.AddOutputCache().AddOpenApi("v1", o =>
    {
        o.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
        // The API and the health probe; pages (the web front's fallback, the plain sign-in page) and the dashboard are not API.
        o.ShouldInclude = d => d.RelativePath is { } path && (path.StartsWith("api/", StringComparison.Ordinal) || path == "health");
        o.CreateSchemaReferenceId = AnswerSchemas.Id;
        o.AddSchemaTransformer(AnswerSchemas.NumbersAsNumbers);
        o.AddDocumentTransformer(DescribeDocument);
        o.AddOperationTransformer(ApiCatalog.Describe);
        o.AddOperationTransformer(ProblemAnswers.Describe);
    });

    public static void MapApiDescription(this WebApplication app)
    {
        // Built once and kept (a public route must not cost a build per call); the default policy would skip signed-in callers.
        app.UseOutputCache();
        app.MapOpenApi(DocumentPath).CacheOutput(p => p.Expire(DocumentLifetime), excludeDefaultPolicy: true).AllowAnonymous();
        // Everything the page needs comes from this host: Scalar's bundle is embedded in its package (served beside the page),
        // and what would call out (web fonts, telemetry, the AI agent, MCP, the toolbar's links to Scalar's services) is off;
        // connect-src 'self' holds the rest. Scalar has no Indonesian: its texts stay English.
        app.MapScalarApiReference(PagePath, o => o
                .WithTitle("Pppk.Workflow API")
                .WithOpenApiRoutePattern(DocumentPath)
                .DisableDefaultFonts()
                .DisableTelemetry()
                .DisableAgent()
                .DisableMcp()
                .HideDeveloperTools()
                .AddPreferredSecuritySchemes(ApiKeyScheme))
            .AddEndpointFilter(AllowStartScript)
            .AllowAnonymous();
    }

    /// <summary>
    /// The page's one inline script (Scalar's start-up call with its options) runs under the site's policy by its hash:
    /// scripts stay limited to this site's files and that exact text.
    /// </summary>
    private static async ValueTask<object?> AllowStartScript(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        if (result is ContentHttpResult { ResponseContent: { } html } && InlineScript().Match(html) is { Success: true } script)
        {
            var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(script.Groups[1].Value)));
            context.HttpContext.Items[SecurityHeaders.PolicyOverride] =
                SecurityHeaders.ContentSecurityPolicy.Replace("script-src 'self'", $"script-src 'self' 'sha256-{hash}'", StringComparison.Ordinal);
        }
        return result;
    }

    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex InlineScript();

    private static Task DescribeDocument(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Pppk.Workflow API",
            Version = "v1",
            Description = "The REST API of Pppk.Workflow: workflows (BPMN), decisions (DMN), cases, tasks and the PPPK records. "
                + "JSON in camelCase; dates and times ISO 8601 with offset. Every refusal is `application/problem+json` "
                + "(the `Problem` schema) with a stable `code`; input problems name the `field`. With `Accept-Language: id` "
                + "problem titles are in Indonesian. A change made with the sign-in cookie must carry the `"
                + CsrfGuard.Header + "` header (any value); API-key callers are not asked.",
        };
        // Paths are relative to the host that serves the document; a server list taken from one request would be wrong behind a proxy.
        document.Servers = [];
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[CookieScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Cookie,
            Name = AuthSetup.CookieName,
            Description = "The browser session: `POST /api/auth/login` with `{ userName, password }` sets it.",
        };
        document.Components.SecuritySchemes[ApiKeyScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyAuthenticationHandler.Header,
            Description = "A machine client's key, configured in `Auth:ApiKeys` with its roles.",
        };
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[ProblemSchema] = ProblemAnswers.Schema();
        document.Tags = new HashSet<OpenApiTag>(ApiCatalog.Tags.Select(t => new OpenApiTag { Name = t.Name, Description = t.Description }));
        return Task.CompletedTask;
    }
}
