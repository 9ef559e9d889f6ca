using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Pppk.Workflow.Testing;

namespace Pppk.Workflow.Runtime.Tests.Api;

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
        var (status, problem) = await EvaluateAsync(new string('(', 5000) + "1" + new string(')', 5000));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("feel-nested-too-deep", (string)problem["code"]!);
        Assert.Equal(66, (int)problem["column"]!);
        Assert.Equal(HttpStatusCode.OK, (await EvaluateAsync("=1 + 1")).Status);
    }
}
