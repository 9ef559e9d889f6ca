using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using Pppk.Workflow.Runtime.Diagnostics;
using Pppk.Workflow.Testing;
using static Pppk.Workflow.Testing.Bpmn;

namespace Pppk.Workflow.Host.Tests;

/// <summary>A host with a scrape key, and traces of the <c>Pppk.Workflow</c> source and HTTP kept in memory.</summary>
public sealed class TelemetryHost : TestHost
{
    public const string ScrapeKey = "test-scrape-key-0123456789";

    public List<Activity> Spans { get; } = [];

    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Metrics:ScrapeKey"] = ScrapeKey;
        settings["Auth:ApiKeys:0:Name"] = "verifier-client";
        settings["Auth:ApiKeys:0:Key"] = "verifier-key-0123456789";
        settings["Auth:ApiKeys:0:Roles:0"] = "verifier";
        return settings;
    }

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddOpenTelemetry().WithTracing(t => t.AddSource(RuntimeMetrics.Name).AddAspNetCoreInstrumentation().AddInMemoryExporter(Spans));

    public Activity[] SpansNow()
    {
        lock (Spans) return [.. Spans];
    }
}

public sealed class MetricsTests(TelemetryHost host) : IClassFixture<TelemetryHost>
{
    private readonly WorkflowApiClient _api = new(host.Client());

    [Fact]
    public async Task Metrics_need_the_scrape_key_or_an_hr_admin()
    {
        using var anonymous = host.Client(apiKey: null);
        var refused = await anonymous.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("Bearer", refused.Headers.WwwAuthenticate.ToString());

        anonymous.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-the-scrape-key-0123");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/metrics")).StatusCode);

        using var verifier = host.Client("verifier-key-0123456789");
        Assert.Equal(HttpStatusCode.Forbidden, (await verifier.GetAsync("/metrics")).StatusCode);

        using var admin = host.Client(); // the bootstrap key has hr-admin
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/metrics")).StatusCode);
        Assert.Contains("pppk_outbox_backlog", await ScrapeAsync());
    }

    /// <summary>
    /// A process whose timer fires and whose send task queues an email: between a scrape before and one after, the step
    /// counter (start and timer), the timer lateness histogram, the outbox and the emails sent move.
    /// </summary>
    [Fact]
    public async Task A_scrape_after_a_few_steps_finds_the_step_timer_outbox_and_email_metrics_moving()
    {
        var before = Samples(await ScrapeAsync());
        await _api.DeployAsync(Chain("metrics_timer_email", TimerCatch("tunggu", "PT1S"),
            EmailTask("kirim", 1, ("template", "pengingat-tugas"), ("to", "=email"))));
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
            ids.Add((string)(await _api.StartAsync("metrics_timer_email", new { email = "rina@contoh.id", nama_tugas = "Verifikasi", proses = "Uji" }))["id"]!);
        foreach (var id in ids) await _api.WaitForStatusAsync(id, "completed", TimeSpan.FromSeconds(30));

        var after = await ScrapeUntilAsync(s => Value(s, "pppk_email_deliveries_total{outcome=\"sent\"}") >= Value(before, "pppk_email_deliveries_total{outcome=\"sent\"}") + 3);
        Assert.True(Value(after, "pppk_steps_total{trigger=\"start\"}") >= Value(before, "pppk_steps_total{trigger=\"start\"}") + 3);
        Assert.True(Value(after, "pppk_steps_total{trigger=\"timer\"}") >= Value(before, "pppk_steps_total{trigger=\"timer\"}") + 3);
        Assert.True(Value(after, "pppk_step_duration_seconds_count{trigger=\"timer\"}") >= Value(before, "pppk_step_duration_seconds_count{trigger=\"timer\"}") + 3);
        Assert.True(Value(after, "pppk_timer_lateness_seconds_count") >= Value(before, "pppk_timer_lateness_seconds_count") + 3);
        Assert.True(Value(after, "pppk_outbox_dispatched_total") > Value(before, "pppk_outbox_dispatched_total"));
        Assert.True(after.ContainsKey("pppk_outbox_backlog"));
        Assert.True(after.ContainsKey("pppk_incidents_open"));
    }

    /// <summary>Every metric a panel of docs/grafana-dashboard.json queries is in the exporter's output.</summary>
    [Fact]
    public async Task The_grafana_dashboard_parses_and_queries_only_exported_metrics()
    {
        // A step with a timer and an email, so the histograms and counters have series.
        await _api.DeployAsync(Chain("metrics_dashboard", TimerCatch("tunggu", "PT1S"), EmailTask("kirim", 1, ("template", "pengingat-tugas"), ("to", "=email"))));
        var id = (string)(await _api.StartAsync("metrics_dashboard", new { email = "rina@contoh.id", nama_tugas = "Verifikasi", proses = "Uji" }))["id"]!;
        await _api.WaitForStatusAsync(id, "completed", TimeSpan.FromSeconds(30));
        var exported = (await ScrapeUntilAsync(s => s.Keys.Any(k => k.StartsWith("pppk_email_deliveries_total", StringComparison.Ordinal)))).Keys
            .Select(k => k.Split('{')[0]).ToHashSet();

        var dashboard = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "docs", "grafana-dashboard.json")))!.AsObject();
        var expressions = dashboard["panels"]!.AsArray().SelectMany(p => p!["targets"]!.AsArray()).Select(t => (string)t!["expr"]!).ToList();
        Assert.NotEmpty(expressions);
        var names = expressions.SelectMany(e => Regex.Matches(e, @"\b((?:pppk|http|dotnet)_[a-z0-9_]+)\{").Select(m => m.Groups[1].Value)).ToHashSet();
        Assert.Contains("pppk_steps_total", names);
        var missing = names.Where(n => !exported.Contains(n)).ToList();
        Assert.True(missing.Count == 0, $"The dashboard queries metrics the host does not export: {string.Join(", ", missing)}");
    }

    /// <summary>One trace: the HTTP request that starts an instance, its step, the timer drain the step's commit scheduled, and the timer's step in that job.</summary>
    [Fact]
    public async Task A_step_and_the_after_commit_job_it_enqueued_share_one_trace()
    {
        await _api.DeployAsync(Chain("traced_timer", TimerCatch("tunggu", "PT1S")));
        var id = (string)(await _api.StartAsync("traced_timer"))["id"]!;
        await _api.WaitForStatusAsync(id, "completed", TimeSpan.FromSeconds(30));

        Activity? timerStep = null;
        for (var i = 0; i < 50 && timerStep is null; i++)
        {
            timerStep = host.SpansNow().FirstOrDefault(s => s.OperationName == "pppk.step" && Tag(s, "pppk.instance_id") == id && Tag(s, "pppk.trigger") == "timer");
            if (timerStep is null) await Task.Delay(100);
        }
        var spans = host.SpansNow();
        var start = Assert.Single(spans, s => s.OperationName == "pppk.step" && Tag(s, "pppk.instance_id") == id && Tag(s, "pppk.trigger") == "start");
        Assert.Equal("traced_timer", Tag(start, "pppk.definition"));
        Assert.Contains(spans, s => s.Source.Name == "Microsoft.AspNetCore" && s.SpanId == start.ParentSpanId);
        Assert.NotNull(timerStep);
        Assert.Equal(start.TraceId, timerStep.TraceId);
        Assert.Equal("tunggu", Tag(timerStep, "pppk.element"));
        var job = Assert.Single(spans, s => s.SpanId == timerStep.ParentSpanId);
        Assert.Equal("pppk.job", job.OperationName);
        Assert.Equal(start.TraceId, job.TraceId);
        Assert.Equal(start.SpanId, job.ParentSpanId);
    }

    private static string? Tag(Activity span, string name) => span.GetTagItem(name)?.ToString();

    private async Task<string> ScrapeAsync()
    {
        using var scraper = host.Client(apiKey: null);
        scraper.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TelemetryHost.ScrapeKey);
        var response = await scraper.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Scrapes until <paramref name="done"/> holds (the exporter caches a scrape briefly, emails go out after the step): at most 30 s.</summary>
    private async Task<Dictionary<string, double>> ScrapeUntilAsync(Func<Dictionary<string, double>, bool> done)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var samples = Samples(await ScrapeAsync());
            if (done(samples) || DateTime.UtcNow > until) return samples;
            await Task.Delay(250);
        }
    }

    /// <summary>The samples of a Prometheus text exposition by series (name and labels as written), without the labels of the scope and target.</summary>
    private static Dictionary<string, double> Samples(string text)
    {
        var samples = new Dictionary<string, double>();
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var end = line.IndexOf('}') is var brace and >= 0 ? brace + 1 : line.IndexOf(' ');
            var series = line[..end];
            var value = line[end..].Trim().Split(' ')[0]; // a timestamp may follow
            // Label values the exporter adds (otel_scope_name, ...) are dropped so series read the same whoever exported them.
            series = Regex.Replace(series, @"otel_scope_[a-z_]+=""[^""]*"",?", "").Replace(",}", "}").Replace("{}", "");
            if (double.TryParse(value, CultureInfo.InvariantCulture, out var number))
                samples[series] = samples.GetValueOrDefault(series) + number;
        }
        return samples;
    }

    private static double Value(Dictionary<string, double> samples, string series) => samples.GetValueOrDefault(series);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Pppk.Workflow.sln"))) return dir.FullName;
        throw new InvalidOperationException("The repository root was not found.");
    }
}
