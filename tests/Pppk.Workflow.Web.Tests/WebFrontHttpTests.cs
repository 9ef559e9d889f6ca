using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Pppk.Workflow.Web.Tests;

/// <summary>How the host serves the web front and its small endpoints, over plain HTTP.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WebFrontHttpTests(BrowserHost host)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/login")]
    [InlineData("/tugas")]
    [InlineData("/desainer/pppk.seleksi-administrasi")]
    public async Task App_routes_answer_with_the_app_page_even_without_a_cookie(string path)
    {
        using var browser = host.Client(apiKey: null);
        var response = await browser.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<div id=\"app\">", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Unknown_api_paths_and_missing_bundle_files_are_404_not_the_app()
    {
        using var api = host.Client();
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/no-such-thing")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/assets/no-such-file.js")).StatusCode);
    }

    [Fact]
    public async Task The_plain_form_post_sign_in_still_works()
    {
        using var browser = host.Client(apiKey: null);
        var response = await browser.PostAsync("/api/auth/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = "admin", ["password"] = Pppk.Workflow.Testing.TestHost.AdminPassword, ["returnUrl"] = "/tugas",
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/tugas", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Element_templates_are_served_to_hr_admin_only()
    {
        using var api = host.Client();
        var templates = (await api.GetFromJsonAsync<JsonArray>("/api/element-templates"))!;
        var ids = templates.Select(t => t!["id"]!.ToString()).ToList();
        Assert.Contains("pppk.email", ids);
        Assert.Contains("pppk.user-task", ids);
        Assert.Contains("pppk.call-activity", ids);
        Assert.Contains("pppk.rank-formation", ids);
        Assert.Contains("pppk.fiscal-check", ids);
        Assert.Contains("pppk.sk-number", ids);
        Assert.Contains("pppk.create-contract", ids);
        Assert.Contains("pppk.document", ids);

        var verifier = host.Client(apiKey: null);
        (await verifier.PostAsJsonAsync("/api/auth/login", new { userName = BrowserHost.VerifierName, password = BrowserHost.VerifierPassword })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Forbidden, (await verifier.GetAsync("/api/element-templates")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await verifier.GetAsync("/api/dashboard/summary")).StatusCode);
    }

    [Fact]
    public async Task The_dashboard_summary_counts_instances_by_workflow_and_status_and_open_tasks()
    {
        await host.StartInstanceAsync("uji-verifikasi", "REG-HTTP-1");
        var summary = await host.GetAsync("/api/dashboard/summary");
        var active = summary["instances"]!.AsArray().Where(i => i!["definitionKey"]!.ToString() == "uji-verifikasi" && i["status"]!.ToString() == "active");
        Assert.True((long)active.Single()!["count"]! >= 1);
        var tasks = summary["tasks"]!.AsArray().Single(t => t!["definitionKey"]!.ToString() == "uji-verifikasi")!;
        Assert.True((long)tasks["open"]! >= 1);
        Assert.True((long)summary["openTasks"]! >= (long)tasks["open"]!);

        // The PPPK figures: twelve months of contract ends starting this month, open tasks by unit, renewals, selection.
        var months = summary["contractsEnding"]!.AsArray().Select(m => (string)m!["month"]!).ToList();
        Assert.Equal(12, months.Count);
        Assert.Equal(DateTime.UtcNow.ToString("yyyy-MM"), months[0]);
        // Issue 19: "Tugas terlambat per unit" lists only units with overdue tasks.
        Assert.All(summary["tasksByUnit"]!.AsArray(), u => Assert.True((long)u!["overdue"]! > 0));
        Assert.NotNull(summary["renewalOutcomes"]!["renewed"]);
        Assert.True((long)summary["selectionProgress"]!["applicants"]! >= 0);
    }
}
