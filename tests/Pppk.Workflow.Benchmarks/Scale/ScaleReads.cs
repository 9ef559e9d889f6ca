using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Pppk.Workflow.Benchmarks.Scale;

/// <summary>
/// Every list a person uses, timed over HTTP from outside: each call twice for warm-up and then <c>repeat</c> times
/// (median and p95), as the signed-in hr-admin and as one evaluator where the route lets them (a refusal is reported
/// as its status, not timed). Deep pages follow <c>nextCursor</c> where a list offers it (walked with 500 rows a page
/// for at most 3 minutes), and always by <c>page=</c>. Depends only on the REST contract.
/// </summary>
internal sealed class ScaleReads(HttpClient hr, HttpClient evaluator, int repeat)
{
    public sealed record Row(string Label, string Caller, string Median, string P95, string Note);

    private readonly List<Row> _rows = [];

    public async Task<List<Row>> RunAsync(CancellationToken ct)
    {
        var me = ScaleSeed.Evaluator(1);
        await TimeAsync(evaluator, "evaluator", "/api/tasks: own inbox page 1", "/api/tasks?pageSize=50", ct);
        await TimeAsync(hr, "hr-admin", $"/api/tasks: one evaluator's inbox (assignee={me})", $"/api/tasks?pageSize=50&assignee={me}", ct);
        await TimeAsync(hr, "hr-admin", "/api/tasks: all open, page 1", "/api/tasks?pageSize=50", ct);
        await TimeAsync(hr, "hr-admin", "/api/tasks: all open, page 2,000 by page=", "/api/tasks?pageSize=50&page=2000", ct);
        await DeepCursorAsync(hr, "hr-admin", "/api/tasks: all open", "/api/tasks", ct);
        await TimeAsync(hr, "hr-admin", "/api/tasks: search a name", "/api/tasks?pageSize=50&search=pegawai%200000777", ct);
        await TimeAsync(evaluator, "evaluator", "/api/tasks/count", "/api/tasks/count", ct);
        await TimeAsync(hr, "hr-admin", "/api/tasks/count", "/api/tasks/count", ct);
        await TimeAsync(evaluator, "evaluator", "/api/instances: page 1", "/api/instances?pageSize=50", ct);
        await TimeAsync(hr, "hr-admin", "/api/instances: evaluasi-kinerja page 1", "/api/instances?definitionKey=evaluasi-kinerja&pageSize=50", ct);
        await TimeAsync(hr, "hr-admin", "/api/instances: evaluasi-kinerja page 10,000 by page=", "/api/instances?definitionKey=evaluasi-kinerja&pageSize=50&page=10000", ct);
        await DeepCursorAsync(hr, "hr-admin", "/api/instances: evaluasi-kinerja", "/api/instances?definitionKey=evaluasi-kinerja", ct);
        await TimeAsync(hr, "hr-admin", "/api/instances: search a name", "/api/instances?pageSize=50&search=pegawai%200000777", ct);
        await TimeAsync(hr, "hr-admin", "/api/incidents", "/api/incidents?pageSize=50", ct);
        await TimeAsync(hr, "hr-admin", "/api/operations", "/api/operations?pageSize=50", ct);
        await TimeAsync(evaluator, "evaluator", "/api/employees: page 1", "/api/employees?pageSize=50", ct);
        await TimeAsync(hr, "hr-admin", "/api/employees: page 1", "/api/employees?pageSize=50", ct);
        await TimeAsync(hr, "hr-admin", "/api/employees: page 10,000 by page=", "/api/employees?pageSize=50&page=10000", ct);
        await DeepCursorAsync(hr, "hr-admin", "/api/employees", "/api/employees", ct);
        await TimeAsync(hr, "hr-admin", "/api/employees: search a name", "/api/employees?pageSize=50&search=pegawai%200000777", ct);
        await TimeAsync(evaluator, "evaluator", "/api/renewals: page 1", "/api/renewals?pageSize=50&months=24", ct);
        await TimeAsync(hr, "hr-admin", "/api/renewals: page 1 (months=24: every contract)", "/api/renewals?pageSize=50&months=24", ct);
        await TimeAsync(hr, "hr-admin", "/api/access-log", "/api/access-log?pageSize=50", ct);
        await TimeAsync(hr, "hr-admin", "/api/emails", "/api/emails?pageSize=50", ct);
        await TimeAsync(hr, "hr-admin", "/api/dashboard/summary", "/api/dashboard/summary", ct);
        await TimeAsync(hr, "hr-admin", "/api/dashboard/durations", "/api/dashboard/durations", ct);
        await CompleteAsync(ct);
        return _rows;
    }

    /// <summary>
    /// Times <c>repeat</c> GETs of <paramref name="path"/> after two warm-ups (one when the first takes over 2 s), stopping
    /// early once the timed calls have used <see cref="Budget"/>, so that a list that takes minutes at this size is reported
    /// from fewer calls instead of holding up the run; a refusal, failure or time-out is reported as such and not timed further.
    /// </summary>
    private async Task TimeAsync(HttpClient http, string caller, string label, string path, CancellationToken ct)
    {
        var times = new List<double>();
        JsonNode? last = null;
        var spent = Stopwatch.StartNew();
        for (var i = -2; i < repeat; i++)
        {
            var watch = Stopwatch.StartNew();
            string body;
            try
            {
                using var response = await http.GetAsync(path, ct);
                body = await response.Content.ReadAsStringAsync(ct);
                if (!response.IsSuccessStatusCode)
                {
                    Add(label, caller, [], $"{(int)response.StatusCode} {Code(body)}");
                    return;
                }
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                Add(label, caller, [], $"no answer within {http.Timeout.TotalMinutes:F0} min");
                return;
            }
            last = JsonNode.Parse(body);
            if (i == -2 && watch.Elapsed > TimeSpan.FromSeconds(2)) i++;
            if (i < 0) spent.Restart();
            else times.Add(watch.Elapsed.TotalMilliseconds);
            if (i >= 0 && spent.Elapsed > Budget) break;
        }
        Add(label, caller, times, Shown(last) + (times.Count < repeat ? $"; {times.Count} calls (time budget)" : ""));
    }

    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(30);

    /// <summary>Walks <c>nextCursor</c> 500 rows a page towards row 100,000 (page 2,000 of 50), for at most 3 minutes, then times page size 50 from there.</summary>
    private async Task DeepCursorAsync(HttpClient http, string caller, string label, string path, CancellationToken ct)
    {
        var join = path.Contains('?') ? '&' : '?';
        var walk = Stopwatch.StartNew();
        string? cursor = null;
        var rows = 0;
        while (rows < 100_000 && walk.Elapsed < TimeSpan.FromMinutes(3))
        {
            using var response = await http.GetAsync($"{path}{join}pageSize=500" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"), ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            if (!response.IsSuccessStatusCode)
            {
                Add($"{label}: deep page by cursor", caller, [], $"{(int)response.StatusCode} {Code(body)} after {rows:N0} rows");
                return;
            }
            var next = (string?)JsonNode.Parse(body)?["nextCursor"];
            if (next is null)
            {
                if (cursor is null) Add($"{label}: deep page by cursor", caller, [], "no nextCursor offered");
                if (cursor is null) return;
                break;
            }
            (cursor, rows) = (next, rows + 500);
        }
        await TimeAsync(http, caller, $"{label}: page {rows / 50 + 1:N0} by cursor (walked in {walk.Elapsed.TotalSeconds:F0} s)",
            $"{path}{join}pageSize=50&cursor={Uri.EscapeDataString(cursor!)}", ct);
    }

    /// <summary>The evaluator completes <c>repeat</c> of their open evaluations (a predicate and a note, as the form sends them), each timed.</summary>
    private async Task CompleteAsync(CancellationToken ct)
    {
        var inbox = await evaluator.GetFromJsonAsync<JsonObject>($"/api/tasks?pageSize={repeat}&definitionKey=evaluasi-kinerja", ct);
        var ids = inbox!["items"]!.AsArray().Select(t => (string)t!["id"]!).ToList();
        var times = new List<double>();
        foreach (var id in ids)
        {
            var watch = Stopwatch.StartNew();
            using var response = await evaluator.PostAsJsonAsync($"/api/tasks/{id}/complete",
                new { variables = new { predicate = "Baik", evaluationNotes = "Target kinerja tercapai." } }, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            times.Add(watch.Elapsed.TotalMilliseconds);
            if (!response.IsSuccessStatusCode)
            {
                Add("POST /api/tasks/{id}/complete", "evaluator", [], $"{(int)response.StatusCode} {Code(body)}");
                return;
            }
        }
        Add("POST /api/tasks/{id}/complete (one evaluation)", "evaluator", times, $"{times.Count} tasks completed");
    }

    private void Add(string label, string caller, List<double> times, string note)
    {
        times.Sort();
        var row = times.Count == 0
            ? new Row(label, caller, "—", "—", note)
            : new Row(label, caller, Ms(times[times.Count / 2]), Ms(times[(int)Math.Ceiling(times.Count * 0.95) - 1]), note);
        _rows.Add(row);
        Console.WriteLine($"{caller,-10} {label,-72} {row.Median,9} {row.P95,9}   {note}");
    }

    private static string Ms(double ms) => ms.ToString(ms < 10 ? "F1" : "N0", CultureInfo.InvariantCulture);

    /// <summary>What the answer held: a list's item count and total (with "+" or "~" when the list says it is capped or estimated), else its size.</summary>
    private static string Shown(JsonNode? answer)
    {
        if (answer is JsonObject o && o["items"] is JsonArray items)
        {
            var mark = (bool?)o["totalCapped"] == true ? "+" : (bool?)o["totalEstimated"] == true ? " (estimate)" : "";
            return $"{items.Count} items, total {o["total"]}{mark}" + (o["nextCursor"] is not null ? ", nextCursor" : "");
        }
        return answer is null ? "" : $"{answer.ToJsonString().Length:N0} bytes";
    }

    private static string Code(string body)
    {
        try { return (string?)JsonNode.Parse(body)?["code"] ?? ""; }
        catch (System.Text.Json.JsonException) { return body.Length > 80 ? body[..80] : body; }
    }
}
