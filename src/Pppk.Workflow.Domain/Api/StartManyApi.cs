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
/// counted by the same query its handler uses; with <c>?dryRun=true</c> only the count, else a <c>start</c> batch operation
/// with one item per case not already running, watched on <c>/api/operations/{id}</c> instead of one blocking step.
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

    public static void MapStartManyApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/start-many/{source}", async (string source, bool? dryRun, StartManyBody? body, PppkDbContext db, IOptions<PppkOptions> options,
            NpgsqlDataSource data, OperationService operations, HttpContext http, CancellationToken ct) =>
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
            var (year, period) = (body?.Year ?? today.Year, body?.Period ?? DueEvaluations.QuarterOf(today));
            if (year is < 2000 or > 2100 || !Periods.Contains(period)) return LocalizedProblem.BadRequest(PeriodInvalid.Format(), "period");
            var (process, items, label) = source switch
            {
                "renewals" => (DueRenewals.Process, await DueRenewals.ItemsAsync(db, options.Value, null, null, ct), "perpanjangan kontrak"),
                "evaluations" => (DueEvaluations.Process, await DueEvaluations.ItemsAsync(db, year, period, ct), $"evaluasi kinerja {PeriodName(period, year)}"),
                _ => (null, [], ""),
            };
            if (process is null) return new LocalizedProblem(SourceUnknown.Format(source), StatusCodes.Status404NotFound);
            // As the handler's unique batch does: a case already running for its key is not started again.
            var running = await UniqueBusinessKey.ActiveAsync(data, process, [.. items.Select(i => i.BusinessKey!)], ct);
            var toStart = items.Where(i => !running.Contains(i.BusinessKey!)).ToList();
            var examples = toStart.Take(5).Select(i => (string?)i.Variables?["employeeName"] ?? i.BusinessKey!).ToList();
            var preview = new Preview(source, process, label, toStart.Count, running.Count, examples);
            if (dryRun == true || toStart.Count == 0) return Results.Ok(preview);
            var id = await operations.CreateAsync(new OperationRequest(OperationTypes.Start, DefinitionKey: process, Items: toStart,
                Description: $"Mulai {toStart.Count} kasus {label} (dimulai manual)"), http.User.Identity?.Name, toStart.Count, ct);
            return Results.Accepted($"/api/operations/{id}", preview with { OperationId = id });
        }).RequireAuthorization(Roles.HrAdmin);
    }
}
