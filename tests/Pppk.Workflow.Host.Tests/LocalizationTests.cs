using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Pppk.Workflow.Domain.Imports;
using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.Feel;
using Pppk.Workflow.Engine.Localization;
using Pppk.Workflow.Engine.Validation;
using Pppk.Workflow.Host.Api;
using Pppk.Workflow.Notifications.Tasks;
using Pppk.Workflow.Runtime.Definitions;
using Pppk.Workflow.Testing;

namespace Pppk.Workflow.Host.Tests;

/// <summary>User-facing messages come in English by default and in Indonesian for Accept-Language: id, each with a stable code.</summary>
public sealed partial class LocalizationTests(TestHost host) : IClassFixture<TestHost>
{
    private const string GatewayWithoutCondition = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
          <bpmn:process id="lokalisasi" isExecutable="true">
            <bpmn:startEvent id="start"/>
            <bpmn:exclusiveGateway id="gw"/>
            <bpmn:endEvent id="a"/>
            <bpmn:endEvent id="b"/>
            <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="gw"/>
            <bpmn:sequenceFlow id="fa" sourceRef="gw" targetRef="a"><bpmn:conditionExpression>=ok = = true</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="fb" sourceRef="gw" targetRef="b"/>
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>Every catalog of every project: a message added without its Indonesian text fails here.</summary>
    private static readonly Assembly[] Catalogs =
    [
        typeof(ValidationTexts).Assembly, typeof(DeploymentTexts).Assembly, typeof(EmailTexts).Assembly,
        typeof(ImportTexts).Assembly, typeof(HostTexts).Assembly,
    ];

    private static IEnumerable<(string Where, TextTemplate Template)> AllTemplates() =>
        Catalogs.SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            .Where(f => f.FieldType == typeof(TextTemplate))
            .Select(f => ($"{f.DeclaringType!.Name}.{f.Name}", (TextTemplate)f.GetValue(null)!));

    [Fact]
    public void Every_message_code_has_an_Indonesian_text_with_the_same_placeholders()
    {
        var templates = AllTemplates().ToList();
        Assert.True(templates.Count > 150, $"only {templates.Count} templates found");
        Assert.Contains(templates, t => t.Where.StartsWith(nameof(FeelTexts)));
        Assert.Contains(templates, t => t.Where.StartsWith(nameof(IncidentTexts)));
        foreach (var (where, template) in templates)
        {
            Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", template.Code);
            Assert.False(string.IsNullOrWhiteSpace(template.Indonesian), $"{where} ({template.Code}) has no Indonesian text");
            Assert.NotEqual(template.English, template.Indonesian);
            Assert.Equal(Placeholders(template.English), Placeholders(template.Indonesian));
            var args = Enumerable.Range(0, Placeholders(template.English).Count).Select(i => (object)$"arg{i}").ToArray();
            foreach (var language in Enum.GetValues<Language>())
                Assert.DoesNotContain("{", template.Format(args).In(language).Replace("{'", "").Replace("'{", "")); // '{' stays a token
        }
        var duplicates = templates.GroupBy(t => t.Template.Code).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, $"codes used twice: {string.Join(", ", duplicates)}");
    }

    private static List<string> Placeholders(string text) =>
        [.. Placeholder().Matches(text.Replace("{{", "").Replace("}}", "")).Select(m => m.Value).Distinct().Order()];

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    private static async Task<JsonElement> ValidateAsync(HttpClient client, string? language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/definitions/validate") { Content = new StringContent(GatewayWithoutCondition, Encoding.UTF8, "application/xml") };
        if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static Dictionary<string, string> MessagesByCode(JsonElement result) =>
        result.GetProperty("errors").EnumerateArray().ToDictionary(e => e.GetProperty("code").GetString()!, e => e.GetProperty("message").GetString()!);

    [Fact]
    public async Task Validation_problems_are_in_English_by_default_and_in_Indonesian_for_Accept_Language_id()
    {
        using var client = host.Client();
        var english = MessagesByCode(await ValidateAsync(client, null));
        var indonesian = MessagesByCode(await ValidateAsync(client, "id-ID,id;q=0.9,en;q=0.8"));
        Assert.Equal(english.Keys.Order(), indonesian.Keys.Order());
        Assert.Contains("missing-condition", english.Keys);
        Assert.Contains("feel-syntax", english.Keys);

        Assert.StartsWith("Sequence flow 'fb' leaves exclusive gateway 'gw' without a condition", english["missing-condition"]);
        Assert.StartsWith("Alur urutan 'fb' keluar dari gerbang eksklusif 'gw' tanpa kondisi", indonesian["missing-condition"]);
        Assert.Contains("FEEL syntax error in 'ok = = true'", english["feel-syntax"]);
        Assert.StartsWith("Nilai kondisi pada 'fa': Galat sintaks FEEL pada 'ok = = true'", indonesian["feel-syntax"]);
        Assert.Contains("pada baris 1, kolom", indonesian["feel-syntax"]);
    }

    [Fact]
    public async Task A_refused_deployment_has_an_Indonesian_title_and_problems_for_Accept_Language_id()
    {
        using var client = host.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/definitions") { Content = new StringContent(GatewayWithoutCondition, Encoding.UTF8, "application/xml") };
        request.Headers.AcceptLanguage.ParseAdd("id");
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Definisi tidak sah; tidak ada yang diterapkan.", problem.GetProperty("title").GetString());
        Assert.Contains(problem.GetProperty("errors").EnumerateArray(), e => e.GetProperty("elementId").GetString() == "fb"
            && e.GetProperty("message").GetString()!.Contains("tanpa kondisi"));
    }

    [Fact]
    public async Task Common_problem_titles_are_Indonesian_for_Accept_Language_id_and_unchanged_otherwise()
    {
        using var client = host.Client();
        var english = await client.GetAsync("/api/definitions/tidak-ada");
        Assert.Equal(HttpStatusCode.NotFound, english.StatusCode);
        Assert.Equal("No process with key 'tidak-ada' is deployed.", (await english.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());

        using var notFound = new HttpRequestMessage(HttpMethod.Get, "/api/definitions/tidak-ada");
        notFound.Headers.AcceptLanguage.ParseAdd("id");
        var problem = await (await client.SendAsync(notFound)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith("Data yang diminta tidak ditemukan", problem.GetProperty("title").GetString());
        Assert.Equal("No process with key 'tidak-ada' is deployed.", problem.GetProperty("detail").GetString());
        Assert.Equal("not-found", problem.GetProperty("code").GetString());

        using var badBody = new HttpRequestMessage(HttpMethod.Post, "/api/instances") { Content = new StringContent("{", Encoding.UTF8, "application/json") };
        badBody.Headers.AcceptLanguage.ParseAdd("id");
        var bad = await client.SendAsync(badBody);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        // Minimal APIs answer a body they cannot bind with a bare 400 (or an exception, when configured to throw): either way Indonesian.
        Assert.Matches("^(Permintaan tidak sah|Isi permintaan bukan JSON yang sah)", (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());

        using var anonymous = host.Client(apiKey: null);
        using var forbidden = new HttpRequestMessage(HttpMethod.Get, "/api/definitions");
        forbidden.Headers.AcceptLanguage.ParseAdd("id");
        var unauthorized = await anonymous.SendAsync(forbidden);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        Assert.StartsWith("Anda belum masuk", (await unauthorized.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }
}
