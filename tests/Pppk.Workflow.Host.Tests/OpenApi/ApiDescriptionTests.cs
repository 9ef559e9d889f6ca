using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Pppk.Workflow.Host.OpenApi;
using Pppk.Workflow.Testing;

namespace Pppk.Workflow.Host.Tests.OpenApi;

/// <summary>The OpenAPI document describes every route the host maps, validates as OpenAPI 3.1, and the reference page is served from the host.</summary>
public sealed partial class ApiDescriptionTests(TestHost host) : IClassFixture<TestHost>
{
    [Fact]
    public async Task The_document_validates_as_OpenAPI_3_1_and_lists_every_mapped_API_route_with_a_summary_and_a_tag()
    {
        var (document, json) = await ReadDocumentAsync();

        Assert.StartsWith("3.1.", json["openapi"]!.GetValue<string>());
        var operations = document.Paths.SelectMany(p => p.Value.Operations!.Select(o => (Key: $"{o.Key.Method} {p.Key}", Operation: o.Value))).ToList();
        var documented = operations.Select(o => o.Key).ToHashSet();
        var mapped = MappedApiRoutes();
        Assert.True(mapped.Count > 100, $"only {mapped.Count} routes found: the enumeration missed the API");
        Assert.Empty(mapped.Except(documented).Order());
        Assert.Empty(operations.Where(o => string.IsNullOrWhiteSpace(o.Operation.Summary)).Select(o => o.Key).Order());
        Assert.Empty(operations.Where(o => o.Operation.Tags is not { Count: 1 }).Select(o => o.Key).Order());
        // Pages are not API: the web front's fallback and the plain sign-in page stay out.
        Assert.DoesNotContain(documented, k => !k.Contains(" /api/") && !k.EndsWith(" /health"));
    }

    [Fact]
    public async Task Problem_answers_refer_to_the_shared_problem_schema_and_callers_to_the_two_security_schemes()
    {
        var (document, _) = await ReadDocumentAsync();

        var problem = Assert.IsType<OpenApiSchema>(document.Components!.Schemas![ApiDescription.ProblemSchema]);
        Assert.Contains("code", problem.Properties!.Keys);
        Assert.Contains("field", problem.Properties!.Keys);
        var operations = document.Paths.SelectMany(p => p.Value.Operations!.Values).ToList();
        var badRequests = operations.Select(o => o.Responses!["400"]).ToList();
        Assert.All(badRequests, r => Assert.Equal(ApiDescription.ProblemSchema,
            Assert.IsType<OpenApiSchemaReference>(r.Content!["application/problem+json"].Schema).Reference.Id));

        var schemes = document.Components.SecuritySchemes!;
        Assert.Equal(("X-Api-Key", ParameterLocation.Header), (schemes[ApiDescription.ApiKeyScheme].Name, schemes[ApiDescription.ApiKeyScheme].In));
        Assert.Equal(("pppk.auth", ParameterLocation.Cookie), (schemes[ApiDescription.CookieScheme].Name, schemes[ApiDescription.CookieScheme].In));
        var startInstance = document.Paths["/api/instances"].Operations![HttpMethod.Post];
        Assert.Equal(2, startInstance.Security!.Count);
        Assert.Contains("`hr-admin`", startInstance.Description);
        Assert.Null(document.Paths["/health"].Operations![HttpMethod.Get].Security);
    }

    /// <summary>
    /// Routes whose 2xx answer is JSON yet declares no type, each with why. Keep it short: a route here is one an
    /// integrator's generated client cannot read.
    /// </summary>
    private static readonly HashSet<string> UntypedAnswers = [];

    [Fact]
    public async Task Every_2xx_answer_declares_its_content_and_a_JSON_answer_its_schema()
    {
        var (document, _) = await ReadDocumentAsync();

        var missing = new List<(string Route, string Problem)>();
        foreach (var (path, item) in document.Paths)
        foreach (var (method, operation) in item.Operations!)
        {
            var route = $"{method.Method} {path}";
            var successes = operation.Responses!.Where(r => r.Key.StartsWith('2')).ToList();
            if (successes.Count == 0) missing.Add((route, "no 2xx answer"));
            // 204 has no body; every other success names its content type and schema (a file's is a binary string).
            foreach (var (status, response) in successes.Where(r => r.Key != "204"))
            {
                if (response.Content is not { Count: > 0 } content) missing.Add((route, $"{status} without content"));
                else missing.AddRange(content.Where(c => c.Value.Schema is null).Select(c => (route, $"{status} {c.Key} without schema")));
            }
        }
        var untyped = missing.Where(m => !UntypedAnswers.Contains(m.Route)).Select(m => $"{m.Route}: {m.Problem}").Order().ToList();
        Assert.True(untyped.Count == 0, "2xx answers without a declared type:\n" + string.Join("\n", untyped));
    }

    /// <summary>
    /// The declared types are the ones sent: for a create, a record, a list, a record with nested lists, two answers of
    /// same-named types (<c>MessageService.Result</c>, <c>SignalService.Result</c>) and one that leaves out what it lacks
    /// (an email template's preview), the real answer's properties, down
    /// through its objects and the first item of its lists, are the declared schema's: none undeclared, none required missing.
    /// </summary>
    [Fact]
    public async Task Declared_answer_schemas_have_the_properties_of_real_answers()
    {
        var (document, _) = await ReadDocumentAsync();
        using var http = host.Client();
        var api = new WorkflowApiClient(http);
        await api.DeployAsync(Bpmn.Process("openapi-uji", $"""
            <bpmn:startEvent id="start"/>
            {Bpmn.UserTask("periksa", "Periksa berkas")}
            <bpmn:endEvent id="selesai"/>
            {Bpmn.Flow("f1", "start", "periksa")}
            {Bpmn.Flow("f2", "periksa", "selesai")}
            """));

        var started = await http.PostAsJsonAsync("/api/instances", new { definitionKey = "openapi-uji", variables = new { nik = "6402010101900001" } });
        var id = (string)(await AssertAnswersAsDeclared(document, HttpMethod.Post, "/api/instances", started))["id"]!;
        await AssertAnswersAsDeclared(document, HttpMethod.Get, "/api/instances/{id}", await http.GetAsync($"/api/instances/{id}"));
        await AssertAnswersAsDeclared(document, HttpMethod.Get, "/api/instances", await http.GetAsync("/api/instances?definitionKey=openapi-uji"));
        var tasks = await AssertAnswersAsDeclared(document, HttpMethod.Get, "/api/tasks", await http.GetAsync($"/api/tasks?instanceId={id}"));
        await AssertAnswersAsDeclared(document, HttpMethod.Get, "/api/tasks/{id}", await http.GetAsync($"/api/tasks/{tasks["items"]![0]!["id"]}"));
        await AssertAnswersAsDeclared(document, HttpMethod.Get, "/api/instances/{id}/history", await http.GetAsync($"/api/instances/{id}/history"));
        await AssertAnswersAsDeclared(document, HttpMethod.Post, "/api/messages", await http.PostAsJsonAsync("/api/messages", new { name = "tidak-ditunggu" }));
        await AssertAnswersAsDeclared(document, HttpMethod.Post, "/api/signals", await http.PostAsJsonAsync("/api/signals", new { name = "tidak-ditunggu" }));

        // A preview leaves out the parts it could not render: they are optional in its schema.
        const string preview = "/api/email-templates/{name}/preview";
        var edit = new { subject = "Hasil evaluasi {{ nama }}", html = "<p>{{ nama }}</p>", text = "{{ nama }}" };
        await AssertAnswersAsDeclared(document, HttpMethod.Post, preview, await http.PostAsJsonAsync("/api/email-templates/hasil-evaluasi/preview",
            new { edit.subject, edit.html, edit.text, variables = new { nama = "Siti" } }));
        var lacking = await AssertAnswersAsDeclared(document, HttpMethod.Post, preview, await http.PostAsJsonAsync("/api/email-templates/hasil-evaluasi/preview",
            new { edit.subject, edit.html, edit.text, variables = new { } }));
        Assert.False(lacking.ContainsKey("subject"));
    }

    /// <summary>Asserts the answer is a declared 2xx whose schema names exactly the answer's properties; returns the answer.</summary>
    private static async Task<JsonObject> AssertAnswersAsDeclared(OpenApiDocument document, HttpMethod method, string path, HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        var declared = document.Paths[path].Operations![method].Responses![((int)response.StatusCode).ToString(CultureInfo.InvariantCulture)];
        var answer = JsonNode.Parse(text)!.AsObject();
        var differences = new List<string>();
        Compare(declared.Content!["application/json"].Schema!, answer, $"{method} {path}", differences);
        Assert.True(differences.Count == 0, string.Join("\n", differences));
        return answer;
    }

    private static void Compare(IOpenApiSchema schema, JsonNode? value, string at, List<string> differences)
    {
        schema = Described(schema);
        switch (value)
        {
            case JsonObject answer when schema.Properties is { Count: > 0 } properties:
                // Every property sent is declared, and every required one is sent (an optional one is left out when null).
                var undeclared = answer.Select(p => p.Key).Where(name => !properties.ContainsKey(name)).Order(StringComparer.Ordinal).ToList();
                var unsent = (schema.Required ?? new HashSet<string>()).Where(name => !answer.ContainsKey(name)).Order(StringComparer.Ordinal).ToList();
                if (undeclared.Count + unsent.Count > 0) differences.Add($"{at}: sent but not declared [{string.Join(", ", undeclared)}], required but not sent [{string.Join(", ", unsent)}]");
                else foreach (var (name, property) in answer) Compare(properties[name], property, $"{at}.{name}", differences);
                break;
            case JsonArray { Count: > 0 } items when schema.Items is { } item:
                Compare(item, items[0], $"{at}[0]", differences);
                break;
        }
    }

    /// <summary>The schema that describes a value: a nullable one is <c>oneOf: [null, the schema]</c>.</summary>
    private static IOpenApiSchema Described(IOpenApiSchema schema) =>
        schema.OneOf?.FirstOrDefault(s => s.Properties is { Count: > 0 } || s.Items is not null) ?? schema;

    [Fact]
    public async Task The_reference_page_loads_its_script_from_the_host_itself()
    {
        using var anonymous = host.Client(apiKey: null, followRedirects: true);
        var response = await anonymous.GetAsync(ApiDescription.PagePath);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();

        // The site's policy holds: scripts from this host, and inline only the page's one start-up script, by its hash.
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        var scriptSources = Regex.Match(policy, "script-src ([^;]*)").Groups[1].Value.Split(' ');
        Assert.Equal("'self'", scriptSources[0]);
        var inline = Assert.Single(InlineScript().Matches(page)).Groups[1].Value;
        Assert.Equal($"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(inline)))}'", Assert.Single(scriptSources[1..]));

        Assert.DoesNotMatch("(src|href)=\"(https?:)?//", page);
        var scripts = ScriptSource().Matches(page).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(scripts);
        foreach (var script in scripts)
        {
            var bundle = await anonymous.GetAsync(new Uri(response.RequestMessage!.RequestUri!, script));
            Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
        }
    }

    private async Task<(OpenApiDocument Document, JsonObject Json)> ReadDocumentAsync()
    {
        // Public: an integrator reads the description before holding a key.
        using var anonymous = host.Client(apiKey: null);
        var response = await anonymous.GetAsync(ApiDescription.DocumentPath);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        var read = OpenApiDocument.Parse(text, "json", new OpenApiReaderSettings());
        Assert.Empty(read.Diagnostic!.Errors.Select(e => $"{e.Pointer}: {e.Message}"));
        Assert.Equal(OpenApiSpecVersion.OpenApi3_1, read.Diagnostic.SpecificationVersion);
        return (read.Document!, JsonNode.Parse(text)!.AsObject());
    }

    /// <summary>Every endpoint the host answers with an HTTP method under <c>/api</c>, and <c>/health</c>: "GET /api/instances/{id}".</summary>
    private HashSet<string> MappedApiRoutes()
    {
        var endpoints = host.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        var routes = new HashSet<string>();
        foreach (var endpoint in endpoints)
        {
            var path = Normalised(endpoint.RoutePattern);
            if (!path.StartsWith("/api/", StringComparison.Ordinal) && path != "/health") continue;
            foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
                routes.Add($"{method} {path}");
        }
        return routes;
    }

    /// <summary>The pattern as OpenAPI writes a path: parameters by name only (<c>{id:guid}</c> is <c>{id}</c>), no trailing slash.</summary>
    private static string Normalised(RoutePattern pattern) => "/" + string.Join("/", pattern.PathSegments.Select(segment =>
        string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart parameter => "{" + parameter.Name + "}",
            RoutePatternSeparatorPart separator => separator.Content,
            _ => "",
        }))));

    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex InlineScript();

    [GeneratedRegex("<script[^>]*\\bsrc=\"([^\"]+)\"")]
    private static partial Regex ScriptSource();
}
