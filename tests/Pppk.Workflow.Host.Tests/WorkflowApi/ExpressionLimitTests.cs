using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Pppk.Workflow.Testing;
using static Pppk.Workflow.Testing.Bpmn;

namespace Pppk.Workflow.Host.Tests.WorkflowApi;

/// <summary>A host whose FEEL budget is set in configuration (Runtime:Feel), smaller than the default.</summary>
public sealed class SmallFeelBudgetHost : TestHost
{
    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Runtime:Feel:MaxIterations"] = "5000";
        return settings;
    }
}

public sealed class ExpressionLimitTests(SmallFeelBudgetHost host) : IClassFixture<SmallFeelBudgetHost>
{
    private async Task<(HttpStatusCode Status, JsonObject Body)> EvaluateAsync(string expression, string language = "en")
    {
        using var client = host.Client();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var response = await client.PostAsJsonAsync("/api/expressions/evaluate", new { expression, context = new { } });
        return (response.StatusCode, (await response.Content.ReadFromJsonAsync<JsonObject>())!);
    }

    [Fact]
    public async Task An_expression_past_the_configured_budget_is_a_400_naming_the_limit_and_the_host_stays_responsive()
    {
        var (status, problem) = await EvaluateAsync("=every x in 1..1000000, y in 1..1000000 satisfies true");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("feel-limit-iterations", (string)problem["code"]!);
        Assert.Equal("https://pppk.workflow/problems/feel-limit", (string)problem["type"]!);
        Assert.StartsWith("Evaluation stopped after 5000 iterations", (string)problem["detail"]!);

        var (_, indonesian) = await EvaluateAsync("=count(for i in 1..10000 return i)", "id");
        Assert.StartsWith("Ekspresi dihentikan: Evaluasi dihentikan setelah 5000 iterasi", (string)indonesian["title"]!);

        var (ok, result) = await EvaluateAsync("=sum(for i in 1..1000 return i)");
        Assert.Equal(HttpStatusCode.OK, ok);
        Assert.Equal(500500, (int)result["result"]!);
    }

    [Fact]
    public async Task A_nesting_bomb_is_a_400_at_its_position_not_a_dead_host()
    {
        // 4,000 levels: within the request's 10,000-character limit for an expression, so the FEEL parser is what refuses it.
        var (status, problem) = await EvaluateAsync(new string('(', 4000) + "1" + new string(')', 4000));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("feel-nested-too-deep", (string)problem["code"]!);
        Assert.Equal(66, (int)problem["column"]!);
        Assert.Equal(HttpStatusCode.OK, (await EvaluateAsync("=1 + 1")).Status);
    }

    [Fact]
    public async Task A_runaway_expression_after_a_timer_is_an_incident_at_its_element_and_the_instance_can_be_cancelled()
    {
        var api = new WorkflowApiClient(host.Client());
        await api.DeployAsync(Chain("batas_feel", TimerCatch("tunggu", "PT1S"),
            UserTask("hitung", extra: """<zeebe:ioMapping><zeebe:input source="=every x in 1..1000000, y in 1..1000000 satisfies true" target="semua"/></zeebe:ioMapping>""")));
        var id = (string)(await api.StartAsync("batas_feel"))["id"]!;

        var incident = Assert.Single(await api.WaitForIncidentsAsync(id, TimeSpan.FromSeconds(60)))!.AsObject();

        Assert.Equal("hitung", (string?)incident["elementId"]);
        Assert.Contains("5000 iterations", (string?)incident["message"]);
        Assert.Empty(await api.OpenTasksAsync(id));
        var cancel = await api.Http.PostAsJsonAsync($"/api/instances/{id}/cancel", new { reason = "uji batas FEEL" });
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
    }
}
