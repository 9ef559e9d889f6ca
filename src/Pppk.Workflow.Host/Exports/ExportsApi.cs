using Microsoft.Extensions.Options;
using Npgsql;
using Pppk.Workflow.Auth;
using Pppk.Workflow.Domain;
using Pppk.Workflow.Domain.Api;
using Pppk.Workflow.Domain.Data;
using Pppk.Workflow.Engine.Localization;
using Pppk.Workflow.Host.Api;
using Pppk.Workflow.Runtime.Definitions;
using Pppk.Workflow.Runtime.Incidents;
using Pppk.Workflow.Runtime.Instances;
using Pppk.Workflow.Runtime.UserTasks;

namespace Pppk.Workflow.Host.Exports;

/// <summary>
/// <c>GET /api/exports/{list}?format=xlsx|csv&amp;…</c>: every list of the screens as an Excel or CSV file, with the list
/// endpoint's filters, roles (403 for a wrong role) and visibility; each route is its list's twin (docs/api.md, "Exports").
/// </summary>
public static class ExportsApi
{
    private static readonly string[] InstanceStatuses = ["active", "completed", "terminated", "cancelled"];

    public static IServiceCollection AddExports(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ExportOptions>().Bind(configuration.GetSection(ExportOptions.Section))
            .Validate(o => o.MaxRows is >= 1 and <= 1_000_000 && o.PageRows is >= 1 and <= 10_000,
                "Exports:MaxRows must be 1 to 1,000,000 and Exports:PageRows 1 to 10,000.")
            .ValidateOnStart();
        return services;
    }

    public static void MapExportsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/exports").RequireAuthorization();

        group.MapGet("/tasks", async (string? format, Guid? instanceId, string? assignee, string? candidateGroup, string? state, string? definitionKey,
            string? unitCode, bool? mine, string? sort, string? search, string? due, string? assigned, NpgsqlDataSource db, IUnitNames unitNames,
            GroupScopes scopes, TimeProvider clock, IOptions<RuntimeOptions> runtime, HttpContext http, CancellationToken ct) =>
        {
            if (!TaskInbox.IsKnownSort(sort)) return LocalizedProblem.BadRequest(ApiTexts.SortUnknown.Format(sort, string.Join(", ", TaskInbox.Sorts)), "sort");
            if ((Inbox.InboxApi.Unknown("due", due, TaskInbox.DueWindows) ?? Inbox.InboxApi.Unknown("assigned", assigned, TaskInbox.AssignedKinds)) is { } unknown)
                return unknown;
            var (names, units) = (await WorkflowNamesAsync(db, ct), await unitNames.AllAsync(ct));
            var now = clock.GetUtcNow();
            var (todayFrom, todayTo) = Inbox.InboxApi.Today(now, runtime.Value.TimeZone);
            // The inbox's own filter (search, due, assigned included), so the file holds exactly the list the screen shows.
            var filter = new InboxFilter(new TaskFilter(instanceId, assignee, candidateGroup, state, definitionKey, unitCode, mine == true, sort),
                search, due, assigned, todayFrom, todayTo);
            // By keyset, each chunk after the last one's key; a chunk's own count stops at one row (countCap 0).
            return File(format, "tasks", RuntimeExports.Tasks(names, units, new ExportList<TaskView>(
                async (cap, c) =>
                {
                    var page = await TaskInbox.PageAsync(db, filter, http.User.Actor(), scopes, now, sort, null, 0, 1, c, countCap: cap);
                    return ExportList<TaskView>.Counted((page.Total, page.TotalCapped));
                },
                async (after, take, c) =>
                {
                    var page = await TaskInbox.PageAsync(db, filter, http.User.Actor(), scopes, now, sort, (InboxKey?)after, 0, take, c, countCap: 0);
                    return (page.Items, page.Next);
                })));
        }).Spreadsheet();

        group.MapGet("/instances", async (string? format, string? definitionKey, string? status, string? businessKey, string? unitCode, NpgsqlDataSource db,
            IUnitNames unitNames, GroupScopes scopes, TimeProvider clock, HttpContext http, CancellationToken ct,
            string? version, string? hasIncident, string? startedFrom, string? startedTo, string? search) =>
        {
            if (status is not null && !InstanceStatuses.Contains(status))
                return LocalizedProblem.BadRequest(ExportTexts.StatusUnknown.Format(string.Join(", ", InstanceStatuses)), "status");
            // The cases list's own filters too, so the file holds what the list shows.
            if (Operate.InstanceQuery.Conditions(definitionKey, version, hasIncident, startedFrom, startedTo, search, out var conditions) is { } bad) return bad;
            var (names, units) = (await WorkflowNamesAsync(db, ct), await unitNames.AllAsync(ct));
            var filter = new InstanceFilter(definitionKey, status, businessKey, unitCode) { Conditions = conditions };
            var now = clock.GetUtcNow();
            return File(format, "instances", RuntimeExports.Instances(names, units, ExportList<InstanceView>.Keyed<object?[]>(
                async (cap, c) =>
                {
                    var (_, total, capped) = await InstanceTable.PageAsync(db, filter, http.User.Actor(), scopes, now, null, 0, 0, cap, c);
                    return (total, capped);
                },
                async (after, take, c) => (await InstanceTable.PageAsync(db, filter, http.User.Actor(), scopes, now, after, 0, take, 0, c)).Items,
                InstanceTable.KeyOf)));
        }).Spreadsheet();

        group.MapGet("/incidents", (string? format, Guid? instanceId, NpgsqlDataSource db) =>
            File(format, "incidents", RuntimeExports.Incidents(ExportList<IncidentView>.Keyed<object?[]>(
                (cap, c) => IncidentTable.CountOpenAsync(db, instanceId, cap, c),
                (after, take, c) => IncidentTable.OpenAsync(db, instanceId, true, after is [long id] ? id : 0, take, c),
                i => [i.Id]))))
            .RequireAuthorization(Roles.HrAdmin).Spreadsheet();

        group.MapGet("/formations", (string? format, string? unitCode, string? type, string? search, PppkDbContext db, HttpContext http) =>
            !DomainLists.IsFormationType(type) ? LocalizedProblem.BadRequest(ExportTexts.TypeUnknown.Format(), "type")
            : File(format, "formations", DomainExports.Formations(ExportList<FormationsApi.FormationDto>.Offset((skip, take, c) =>
                DomainLists.FormationsAsync(http.User, db, unitCode, type, search, skip, take, c))))).RequireStaff().Spreadsheet();

        group.MapGet("/ranking", async (string? format, string? formationCode, PppkDbContext db, HttpContext http, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(formationCode)) return LocalizedProblem.BadRequest(ExportTexts.FormationRequired.Format(), "formationCode");
            if (format is not ("xlsx" or "csv")) return FormatUnknown();
            // A formation the caller may not see answers 404, as on GET /api/formations/{code}/ranking.
            var ranking = await DomainLists.RankingAsync(http.User, db, formationCode, ct);
            return ranking is null ? Results.Problem(title: $"No formation with code '{formationCode}'.", statusCode: 404)
                : File(format, "ranking", DomainExports.Ranking(ranking));
        }).RequireStaff().Spreadsheet();

        group.MapGet("/applicants", (string? format, string? formationCode, string? status, string? search, PppkDbContext db, HttpContext http) =>
            File(format, "applicants", DomainExports.Applicants(ExportList<ApplicantsApi.ApplicantListDto>.Keyed<object?[]>(
                (cap, c) => DomainLists.CountApplicantsAsync(http.User, db, formationCode, status, search, cap, c),
                (after, take, c) => DomainLists.ApplicantsAsync(http.User, db, formationCode, status, search, after, take, c),
                DomainLists.ApplicantKey)))).RequireStaff().Spreadsheet();

        group.MapGet("/employees", (string? format, string? unitCode, string? search, PppkDbContext db, HttpContext http) =>
            File(format, "employees", DomainExports.Employees(ExportList<EmployeesApi.EmployeeListDto>.Keyed<object?[]>(
                (cap, c) => DomainLists.CountEmployeesAsync(http.User, db, unitCode, search, cap, c),
                (after, take, c) => DomainLists.EmployeesAsync(http.User, db, unitCode, search, after, take, c),
                DomainLists.EmployeeKey)))).RequireStaffOrEmployee().Spreadsheet();

        group.MapGet("/renewals", (string? format, int? months, string? unitCode, PppkDbContext db, IOptions<PppkOptions> options, IOptions<RuntimeOptions> runtime,
            TimeProvider clock, HttpContext http) =>
        {
            if (DomainLists.RenewalLead(months, options.Value) is not { } lead) return LocalizedProblem.BadRequest(ExportTexts.MonthsInvalid.Format(), "months");
            var today = DomainAccess.Today(clock, runtime);
            return File(format, "renewals", DomainExports.Renewals(ExportList<RenewalsApi.RenewalDto>.Offset((skip, take, c) =>
                DomainLists.RenewalsAsync(http.User, db, options.Value, today, lead, unitCode, skip, take, c))));
        }).RequireStaffOrEmployee().Spreadsheet();
    }

    /// <summary>The answer is a file: an .xlsx workbook or CSV, as <c>format</c> asks.</summary>
    private static RouteHandlerBuilder Spreadsheet(this RouteHandlerBuilder route) =>
        route.Produces(StatusCodes.Status200OK, typeof(Stream), ExportFile.XlsxType, ExportFile.CsvType);

    private static IResult File(string? format, string list, ExportTable table) =>
        format is "xlsx" or "csv" ? new ExportFile(list, table, format == "xlsx") : FormatUnknown();

    private static LocalizedProblem FormatUnknown() => LocalizedProblem.BadRequest(ExportTexts.FormatUnknown.Format(), "format");

    /// <summary>Each deployed workflow's name by key (its latest version's), so a row shows "Perpanjangan kontrak", not the key.</summary>
    private static async Task<Dictionary<string, string>> WorkflowNamesAsync(NpgsqlDataSource db, CancellationToken ct)
    {
        var (items, _) = await DefinitionTable.LatestAsync(db, 0, 10_000, ct);
        return items.Where(d => !string.IsNullOrWhiteSpace(d.Name)).ToDictionary(d => d.Key, d => d.Name!);
    }
}
