using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Pppk.Workflow.Auth;

namespace Pppk.Workflow.Host.OpenApi;

/// <summary>
/// The refusals every route shares (docs/api.md, "Conventions"), described on each operation with the shared
/// <see cref="ApiDescription.ProblemSchema"/>: 400 input problems, 401 and 403 where a caller is needed, 404 where the
/// path names a record, 503 when the database is out; and who may call, as security requirements and a line of text.
/// </summary>
internal static class ProblemAnswers
{
    private const string ProblemJson = "application/problem+json";

    public static OpenApiSchema Schema() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "An RFC 9457 problem: every refusal of the API. `title` is in the request's language (`Accept-Language: id` for Indonesian).",
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = Text("A URI naming the kind of problem."),
            ["title"] = Text("What went wrong, for a person."),
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Description = "The HTTP status." },
            ["detail"] = Text("More about this occurrence (the English sentence when the title is Indonesian)."),
            ["instance"] = Text("The request path."),
            ["code"] = Text("A stable code for programs, e.g. `paging-invalid`, `text-too-long`, `not-found`."),
            ["field"] = Text("The input the problem is about: a body field, query parameter or variable name."),
            ["limit"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Description = "The limit the input broke." },
            ["errors"] = new OpenApiSchema { Description = "Validation problems: the errors by field, or the rows of an import that failed." },
        },
        Required = new HashSet<string> { "status", "title", "code" },
    };

    public static Task Describe(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var needsCaller = metadata.OfType<IAuthorizeData>().Any() || metadata.OfType<AuthorizationPolicy>().Any();
        if (metadata.OfType<IAllowAnonymous>().Any()) needsCaller = false;

        operation.Responses ??= new OpenApiResponses();
        Add(operation, context, "400", "The input is refused; `field` names it.");
        if (needsCaller)
        {
            Add(operation, context, "401", "No sign-in cookie or API key.");
            Add(operation, context, "403", "The caller's roles do not allow this, or a change made with the cookie lacks the anti-forgery header.");
            operation.Security =
            [
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiDescription.CookieScheme, context.Document)] = [] },
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiDescription.ApiKeyScheme, context.Document)] = [] },
            ];
            var roles = RolesOf(metadata);
            var callers = roles.Count == 0 ? "any signed-in caller" : string.Join(", ", roles.Select(r => $"`{r}`"));
            operation.Description = $"Callers: {callers}." + (operation.Description is { Length: > 0 } more ? "\n\n" + more : "");
        }
        if (description.RelativePath?.Contains('{') == true)
            Add(operation, context, "404", "No such record, or one the caller may not see.");
        Add(operation, context, "503", "The database is unreachable or busy (`database-unavailable`, `query-timeout`, `step-busy`); retry after `Retry-After`.");
        return Task.CompletedTask;
    }

    /// <summary>The roles an endpoint admits (policies named after a role, or role requirements); empty for any signed-in caller.</summary>
    private static SortedSet<string> RolesOf(IList<object> metadata)
    {
        var roles = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var data in metadata.OfType<IAuthorizeData>())
        {
            if (data.Policy is { } policy && Roles.IsKnown(policy)) roles.Add(policy);
            foreach (var role in data.Roles?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? []) roles.Add(role);
        }
        foreach (var requirement in metadata.OfType<AuthorizationPolicy>().SelectMany(p => p.Requirements).OfType<RolesAuthorizationRequirement>())
            roles.UnionWith(requirement.AllowedRoles);
        return roles;
    }

    /// <summary>Adds the problem answer unless the endpoint describes that status itself.</summary>
    private static void Add(OpenApiOperation operation, OpenApiOperationTransformerContext context, string status, string description)
    {
        if (operation.Responses!.ContainsKey(status)) return;
        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [ProblemJson] = new() { Schema = new OpenApiSchemaReference(ApiDescription.ProblemSchema, context.Document) },
            },
        };
    }

    private static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String, Description = description };
}
