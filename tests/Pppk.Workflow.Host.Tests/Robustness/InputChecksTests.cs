using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Pppk.Workflow.Testing;

namespace Pppk.Workflow.Host.Tests.Robustness;

/// <summary>The reproductions of issue 12 (items 3-5): each is a 4xx problem that names the field, the limit and its code, in English or Indonesian.</summary>
public sealed class InputChecksTests(RobustnessHost host) : IClassFixture<RobustnessHost>
{
    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(code, problem.GetProperty("code").GetString());
        return problem;
    }

    private static HttpRequestMessage Indonesian(HttpMethod method, string url, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        request.Headers.AcceptLanguage.ParseAdd("id");
        return request;
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Theory]
    [InlineData("/api/formations?search=%00", "search")]
    [InlineData("/api/applicants?search=a%00", "search")]
    [InlineData("/api/employees?search=%00", "search")]
    [InlineData("/api/tasks?unitCode=%00", "unitCode")]
    [InlineData("/api/instances?businessKey=%00", "businessKey")]
    [InlineData("/api/emails?template=%00", "template")]
    public async Task A_NUL_in_a_query_is_a_400_naming_the_parameter(string url, string field)
    {
        using var client = host.Client();
        var problem = await ProblemAsync(await client.GetAsync(url), HttpStatusCode.BadRequest, "text-nul");
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.Equal($"Query parameter '{field}' contains a NUL character (U+0000), which is not allowed in text.", problem.GetProperty("title").GetString());

        var indonesian = await ProblemAsync(await client.SendAsync(Indonesian(HttpMethod.Get, url)), HttpStatusCode.BadRequest, "text-nul");
        Assert.Equal($"Parameter kueri '{field}' berisi karakter NUL (U+0000) yang tidak diizinkan dalam teks.", indonesian.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("/api/instances", """{"definitionKey": "robust", "businessKey": "a\u0000b"}""", "businessKey")]
    [InlineData("/api/instances", """{"definitionKey": "robust", "variables": {"nama": "An\u0000di"}}""", "variables.nama")]
    [InlineData("/api/instances", """{"definitionKey": "robust", "variables": {"alamat": {"kota": ["Tenggarong", "\u0000"]}}}""", "variables.alamat.kota[1]")]
    [InlineData("/api/instances", """{"definitionKey": "robust", "variables": {"na\u0000ma": 1}}""", "variables.na\uFFFDma")]
    [InlineData("/api/instances/batch", """{"definitionKey": "robust", "instances": [{"businessKey": "b1"}, {"businessKey": "b2", "variables": {"nik": "\u0000"}}]}""", "instances[1].variables.nik")]
    [InlineData("/api/messages", """{"name": "nilai-cat", "correlationKey": "\u0000"}""", "correlationKey")]
    [InlineData("/api/expressions/evaluate", """{"expression": "x", "context": {"x": "\u0000"}}""", "context.x")]
    public async Task A_NUL_anywhere_in_a_JSON_body_is_a_400_naming_its_path(string url, string json, string field)
    {
        using var client = host.Client();
        var problem = await ProblemAsync(await client.PostAsync(url, Json(json)), HttpStatusCode.BadRequest, "text-nul");
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.Contains($"'{field}'", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Completing_a_task_with_a_NUL_in_its_variables_is_a_400_and_leaves_the_task_open()
    {
        using var client = host.Client();
        var api = new WorkflowApiClient(client);
        var instance = (string)(await api.StartAsync(RobustnessHost.ProcessKey, businessKey: "nul-task"))["id"]!;
        var task = (string)(await api.OpenTasksAsync(instance))[0]!["id"]!;

        var problem = await ProblemAsync(await client.PostAsync($"/api/tasks/{task}/complete", Json("""{"variables": {"catatan": "ok\u0000"}}""")),
            HttpStatusCode.BadRequest, "text-nul");
        Assert.Equal("variables.catatan", problem.GetProperty("field").GetString());
        Assert.Single(await api.OpenTasksAsync(instance));
        Assert.Equal(HttpStatusCode.OK, (await api.CompleteAsync(task, new { catatan = "ok" })).StatusCode);
    }

    [Theory]
    [InlineData("/api/formations?search=M%FCller", "search")]
    [InlineData("/api/tasks?assignee=%ED%A0%80", "assignee")]
    public async Task Bytes_that_are_not_UTF_8_in_a_query_are_a_400_naming_the_parameter(string url, string field)
    {
        using var client = host.Client();
        var problem = await ProblemAsync(await client.GetAsync(url), HttpStatusCode.BadRequest, "text-invalid-unicode");
        Assert.Equal(field, problem.GetProperty("field").GetString());
    }

    [Theory]
    [InlineData("""{"definitionKey": "robust", "businessKey": "\ud800"}""", "businessKey")]
    [InlineData("""{"definitionKey": "robust", "variables": {"x": "a\udc00"}}""", "variables.x")]
    [InlineData("""{"definitionKey": "robust", "variables": {"\udfff": 1}}""", "variables.(property name)")]
    public async Task A_lone_surrogate_in_a_JSON_body_is_a_400_naming_its_path(string json, string field)
    {
        using var client = host.Client();
        var problem = await ProblemAsync(await client.PostAsync("/api/instances", Json(json)), HttpStatusCode.BadRequest, "text-invalid-unicode");
        Assert.Equal(field, problem.GetProperty("field").GetString());
    }

    [Theory]
    [InlineData("/api/tasks")]
    [InlineData("/api/instances")]
    [InlineData("/api/emails")]
    [InlineData("/api/formations")]
    [InlineData("/api/formations/ROB-1/applicants")]
    [InlineData("/api/applicants")]
    [InlineData("/api/employees")]
    [InlineData("/api/incidents")]
    [InlineData("/api/definitions")]
    [InlineData("/api/users")]
    [InlineData("/api/budgets")]
    [InlineData("/api/renewals")]
    [InlineData("/api/access-log")]
    [InlineData("/api/substitutions")]
    public async Task Paging_past_the_last_page_is_a_400_and_the_last_page_an_empty_page(string list)
    {
        using var client = host.Client();
        var problem = await ProblemAsync(await client.GetAsync($"{list}?page=5000000&pageSize=500"), HttpStatusCode.BadRequest, "paging-invalid");
        Assert.Equal("page must be a whole number from 1 to 1000000 and pageSize from 1 to 500.", problem.GetProperty("title").GetString());
        await ProblemAsync(await client.GetAsync($"{list}?page=-1"), HttpStatusCode.BadRequest, "paging-invalid");
        await ProblemAsync(await client.GetAsync($"{list}?pageSize=501"), HttpStatusCode.BadRequest, "paging-invalid");

        // Past the first 10,000 rows OFFSET pages stop (the cursor goes on); the last offset page is an empty page.
        var deep = await ProblemAsync(await client.GetAsync($"{list}?page=1000000&pageSize=500"), HttpStatusCode.BadRequest, "paging-too-deep");
        Assert.Equal("page", deep.GetProperty("field").GetString());
        var last = await client.GetAsync($"{list}?page=20&pageSize=500");
        Assert.Equal(HttpStatusCode.OK, last.StatusCode);
        Assert.Equal(0, (await last.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Lengths_are_limited_with_the_limit_in_the_message()
    {
        using var client = host.Client();
        var user = await ProblemAsync(await client.PostAsJsonAsync("/api/users", new { userName = new string('u', 100_000), password = "Kata-Sandi-Panjang-1" }),
            HttpStatusCode.BadRequest, "text-too-long");
        Assert.Equal("Field 'userName' has 100000 characters; at most 100 are allowed.", user.GetProperty("title").GetString());
        Assert.Equal(100, user.GetProperty("limit").GetInt32());

        var key = await ProblemAsync(await client.PostAsJsonAsync("/api/instances", new { definitionKey = "robust", businessKey = new string('k', 257) }),
            HttpStatusCode.BadRequest, "text-too-long");
        Assert.Equal("businessKey", key.GetProperty("field").GetString());
        Assert.Equal(256, key.GetProperty("limit").GetInt32());

        var search = await ProblemAsync(await client.GetAsync($"/api/formations?search={new string('s', 101)}"), HttpStatusCode.BadRequest, "text-too-long");
        Assert.Equal(100, search.GetProperty("limit").GetInt32());

        var many = "{" + string.Join(",", Enumerable.Range(0, 501).Select(i => $"\"v{i}\": {i}")) + "}";
        var variables = await ProblemAsync(await client.PostAsync("/api/instances", Json($$"""{"definitionKey": "robust", "variables": {{many}}}""")),
            HttpStatusCode.BadRequest, "variables-too-many");
        Assert.Equal(500, variables.GetProperty("limit").GetInt32());

        var large = string.Join(",", "abcde".Select(c => $"\"{c}\": \"{new string(c, 60_000)}\""));
        var big = await ProblemAsync(await client.PostAsync("/api/instances", Json($$"""{"definitionKey": "robust", "variables": { {{large}} } }""")),
            HttpStatusCode.BadRequest, "variables-too-large");
        Assert.Equal(262_144, big.GetProperty("limit").GetInt32());
    }

    [Fact]
    public async Task A_batch_start_names_its_maximum_and_refuses_null_items()
    {
        using var client = host.Client();
        var items = string.Join(",", Enumerable.Range(0, 10_001).Select(i => $"{{\"businessKey\": \"b{i}\"}}"));
        var tooMany = await ProblemAsync(await client.PostAsync("/api/instances/batch", Json($$"""{"definitionKey": "robust", "instances": [{{items}}]}""")),
            HttpStatusCode.BadRequest, "too-many-items");
        Assert.Equal("Field 'instances' has 10001 items; at most 10000 are allowed per call. Send the rest in further calls.", tooMany.GetProperty("title").GetString());
        Assert.Equal(10_000, tooMany.GetProperty("limit").GetInt32());

        var nulls = await ProblemAsync(await client.PostAsync("/api/instances/batch", Json("""{"definitionKey": "robust", "instances": [null]}""")),
            HttpStatusCode.BadRequest, "item-null");
        Assert.Equal("instances[0]", nulls.GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_wrong_content_type_is_415_a_wrong_method_405_and_a_malformed_body_400()
    {
        using var client = host.Client();
        var json = "{\"definitionKey\": \"robust\"}";
        await ProblemAsync(await client.PostAsync("/api/instances", new StringContent(json, Encoding.UTF8, "text/plain")), HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
        await ProblemAsync(await client.PostAsync("/api/auth/login", new StringContent("{\"userName\": \"admin\"}", Encoding.UTF8, "text/plain")),
            HttpStatusCode.UnsupportedMediaType, "json-or-form-required");
        await ProblemAsync(await client.DeleteAsync("/api/instances"), HttpStatusCode.MethodNotAllowed, "method-not-allowed");
        await ProblemAsync(await client.GetAsync("/api/tidak-ada"), HttpStatusCode.NotFound, "not-found");

        var malformed = await ProblemAsync(await client.PostAsync("/api/instances", Json("{\"definitionKey\": ")), HttpStatusCode.BadRequest, "invalid-json");
        Assert.StartsWith("The request body is not valid JSON", malformed.GetProperty("title").GetString());
        var wrongType = await ProblemAsync(await client.PostAsync("/api/instances", Json("{\"definitionKey\": {}}")), HttpStatusCode.BadRequest, "invalid-json");
        Assert.Contains("$.definitionKey", wrongType.GetProperty("title").GetString());

        var indonesian = await ProblemAsync(await client.SendAsync(Indonesian(HttpMethod.Post, "/api/instances", new StringContent(json, Encoding.UTF8, "text/plain"))),
            HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
        Assert.StartsWith("Jenis isi permintaan tidak diterima", indonesian.GetProperty("title").GetString());
    }

    [Fact]
    public async Task An_over_long_file_name_header_is_a_400_naming_it()
    {
        using var client = host.Client();
        var content = new StringContent(Bpmn.Chain("nama-berkas"), Encoding.UTF8, "application/xml");
        content.Headers.Add("X-File-Name", new string('f', 300) + ".bpmn");
        var problem = await ProblemAsync(await client.PostAsync("/api/definitions", content), HttpStatusCode.BadRequest, "text-too-long");
        Assert.Equal("X-File-Name", problem.GetProperty("field").GetString());
        Assert.Equal(255, problem.GetProperty("limit").GetInt32());
    }

    [Theory]
    [InlineData("/api/imports/formations")]
    [InlineData("/api/definitions")]
    [InlineData("/api/definitions/validate")]
    public async Task A_garbled_multipart_body_is_a_400(string url)
    {
        using var client = host.Client();
        var garbled = new StringContent("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\nno end", Encoding.UTF8);
        garbled.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b");
        var problem = await ProblemAsync(await client.PostAsync(url, garbled), HttpStatusCode.BadRequest, "form-invalid");
        Assert.StartsWith("The form (multipart or URL-encoded) body cannot be read", problem.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("/api/instances", 1024 * 1024)]
    [InlineData("/api/definitions", 5 * 1024 * 1024)]
    public async Task A_body_over_the_endpoints_limit_is_a_413_naming_it(string url, long limit)
    {
        using var client = host.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(new byte[limit + 1]) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.ExpectContinue = true;
        var problem = await ProblemAsync(await client.SendAsync(request), HttpStatusCode.RequestEntityTooLarge, "body-too-large");
        Assert.Equal(limit, problem.GetProperty("limit").GetInt64());
        Assert.Contains(limit.ToString(System.Globalization.CultureInfo.InvariantCulture), problem.GetProperty("title").GetString());
    }

    /// <summary>
    /// Before the checks, this mix gave about 90 answers "Received unexpected backend message DataRow" (500) to the normal
    /// requests: Npgsql kept a statement it was auto-preparing as prepared without its result columns when PostgreSQL
    /// refused a NUL parameter at its second use on a connection, and the next use of that statement on that connection
    /// failed. No NUL reaches Npgsql any more.
    /// </summary>
    [Fact]
    public async Task Concurrent_NUL_requests_never_break_the_requests_of_other_callers()
    {
        using var client = host.Client();
        var urls = new[]
        {
            "/api/formations?search=%00", "/api/formations?search=Per&pageSize=500", "/api/tasks?unitCode=%00", "/api/tasks?unitCode=DINKES&pageSize=500",
            "/api/instances?businessKey=%00", "/api/instances?businessKey=robust-1", "/api/tasks?candidateGroup=%00", "/api/tasks?candidateGroup=verifier",
        };
        var statuses = new System.Collections.Concurrent.ConcurrentBag<(string Url, int Status)>();
        await Parallel.ForEachAsync(Enumerable.Range(0, 1_600), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            var url = urls[i % urls.Length];
            using var response = await client.GetAsync(url, ct);
            statuses.Add((url, (int)response.StatusCode));
        });
        Assert.DoesNotContain(statuses, s => s.Status >= 500);
        Assert.All(statuses.Where(s => s.Url.Contains("%00")), s => Assert.Equal(400, s.Status));
        Assert.All(statuses.Where(s => !s.Url.Contains("%00")), s => Assert.Equal(200, s.Status));
    }
}
