using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Npgsql;
using Pppk.Workflow.Auth;
using Pppk.Workflow.Domain.Data;
using Pppk.Workflow.Domain.Handlers.Renewal;
using Pppk.Workflow.Engine.Localization;
using Pppk.Workflow.Runtime.Api;
using Pppk.Workflow.Runtime.Instances;
using Pppk.Workflow.Runtime.Operations;

namespace Pppk.Workflow.Domain.Api;

/// <summary>
/// <c>POST /api/start-many/{source}</c> (hr-admin): what a timer-start workflow started by hand would start (its <c>startMany</c>),
/// read from the same <see cref="IStartSource"/> its handler streams; with <c>?dryRun=true</c> only the count, else the
/// handler's own streamed start operation (<see cref="StartStreams"/>: a chunk of rows at a time after a committed cursor,
/// so memory stays flat whatever the count and a host killed mid-way goes on from the last chunk), watched on
/// <c>/api/operations/{id}</c>. The preview reads the source a chunk at a time too, keeping only counts and five names.
/// </summary>
public static class StartManyApi
{
    public static readonly TextTemplate SourceUnknown = new("start-many-unknown",
        "There is nothing called '{0}' to start many of; known: renewals, evaluations.",
        "Tidak ada '{0}' yang dapat dimulai sekaligus; yang dikenal: renewals, evaluations.");

    public static readonly TextTemplate PeriodInvalid = new("start-many-period-invalid",
        "period must be Q1, Q2, Q3, Q4 or annual, and year between 2000 and 2100.",
        "period harus Q1, Q2, Q3, Q4 atau annual, dan year antara 2000 dan 2100.");

    /// <summary>The evaluations' period (default: this year, this quarter as siklus-evaluasi names it).</summary>
    public sealed record StartManyBody(int? Year, string? Period);

    /// <summary>The count a confirmation shows: cases to start, those already running (left out), and the first names.</summary>
    public sealed record Preview(string Source, string DefinitionKey, string Label, int Total, int AlreadyRunning, IReadOnlyList<string> Examples, Guid? OperationId = null);

    // What the cases are, in the words of the confirmation ("Mulai 1.712 kasus perpanjangan kontrak?").
    private static string PeriodName(string period, int year) =>
        (period == "annual" ? "tahunan" : $"triwulan {new[] { "I", "II", "III", "IV" }[period[1] - '1']}") + $" {year}";

    private static readonly string[] Periods = ["Q1", "Q2", "Q3", "Q4", "annual"];

    /// <summary>Rows the preview reads a time from the source (and checks for running cases in one query).</summary>
    private const int PreviewChunk = 1_000;

    public static void MapStartManyApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/start-many/{source}", async (string source, bool? dryRun, StartManyBody? body, IOptions<PppkOptions> options,
            NpgsqlDataSource data, IEnumerable<IStartSource> sources, StartStreams streams, HttpContext http, CancellationToken ct) =>
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
            var (year, period) = (body?.Year ?? today.Year, body?.Period ?? DueEvaluations.QuarterOf(today));
            if (year is < 2000 or > 2100 || !Periods.Contains(period)) return LocalizedProblem.BadRequest(PeriodInvalid.Format(), "period");
            var (type, args, process, label) = source switch
            {
                "renewals" => (RenewalStarts.OperationType, DueRenewals.Horizon.From(options.Value, null, null).ToArgs(), DueRenewals.Process, "perpanjangan kontrak"),
                "evaluations" => (EvaluationStarts.OperationType, new JsonObject { ["year"] = year, ["period"] = period }, DueEvaluations.Process,
                    $"evaluasi kinerja {PeriodName(period, year)}"),
                _ => ("", new JsonObject(), null, ""),
            };
            if (process is null) return new LocalizedProblem(SourceUnknown.Format(source), StatusCodes.Status404NotFound);
            var preview = await PreviewAsync(sources.Single(s => s.Type == type), args, data, source, process, label, ct);
            if (dryRun == true || preview.Total == 0) return Results.Ok(preview);
            // Each manual start its own operation (a new stream key): the unique business keys skip what an earlier one started.
            var op = await streams.CreateAsync(new StreamedStartRequest(type, args, process, $"start-many:{source}:{Guid.CreateVersion7()}",
                $"Mulai {preview.Total} kasus {label} (dimulai manual)"), http.User.Identity?.Name, ct);
            return Results.Accepted($"/api/operations/{op.Id}", preview with { OperationId = op.Id });
        }).RequireAuthorization(Roles.HrAdmin).Produces<Preview>().Produces<Preview>(StatusCodes.Status202Accepted);
    }

    /// <summary>
    /// The cases the source would start, read a chunk at a time: how many are not running yet (as the handler's unique
    /// batch does, a case already running for its key is not started again), how many are, and the first five names.
    /// </summary>
    private static async Task<Preview> PreviewAsync(IStartSource starts, JsonObject args, NpgsqlDataSource data, string source, string process, string label,
        CancellationToken ct)
    {
        var (toStart, running, examples) = (0, 0, new List<string>());
        string? after = null;
        while (await starts.ReadAsync(args, after, PreviewChunk, ct) is { Count: > 0 } rows)
        {
            var active = await UniqueBusinessKey.ActiveAsync(data, process, [.. rows.Select(r => r.Start.BusinessKey!)], ct);
            foreach (var row in rows.Where(r => !active.Contains(r.Start.BusinessKey!)))
                if (toStart++ < 5) examples.Add((string?)row.Start.Variables?["employeeName"] ?? row.Start.BusinessKey!);
            running += active.Count;
            after = rows[^1].Key;
        }
        return new Preview(source, process, label, toStart, running, examples);
    }
}
