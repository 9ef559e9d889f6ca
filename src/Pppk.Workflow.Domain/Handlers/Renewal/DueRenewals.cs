using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pppk.Workflow.Domain.Data;
using Pppk.Workflow.Domain.Employees;
using Pppk.Workflow.Runtime.Instances;
using Pppk.Workflow.Runtime.Operations;

namespace Pppk.Workflow.Domain.Handlers.Renewal;

/// <summary>
/// The renewals due now: every active contract ending within the lead time (part-time contracts: their own), one
/// <c>perpanjangan-kontrak</c> start each (business key: the contract id). <c>pppk.start-renewals</c> starts them as a
/// streamed <c>start-renewals</c> operation (<see cref="RenewalStarts"/>, by contract id a chunk at a time); the manual
/// start's preview counts them with this same query.
/// </summary>
public static class DueRenewals
{
    public const string Process = "perpanjangan-kontrak";

    /// <summary>How far ahead the scan looks, for full-time and part-time contracts, decided once when a scan begins.</summary>
    public sealed record Horizon(DateOnly FullTime, DateOnly PartTime)
    {
        public static Horizon From(PppkOptions options, int? leadMonths, int? partTimeLeadMonths)
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
            return new(today.AddMonths(leadMonths ?? options.RenewalLeadMonths), today.AddMonths(partTimeLeadMonths ?? options.PartTime.RenewalLeadMonths));
        }

        public JsonObject ToArgs() => new() { ["horizon"] = FullTime.ToString("yyyy-MM-dd"), ["partTimeHorizon"] = PartTime.ToString("yyyy-MM-dd") };

        public static Horizon FromArgs(JsonObject args) =>
            new(DateOnly.ParseExact((string)args["horizon"]!, "yyyy-MM-dd", CultureInfo.InvariantCulture), DateOnly.ParseExact((string)args["partTimeHorizon"]!, "yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    /// <summary>The active contracts ending within the horizon.</summary>
    private static IQueryable<Contract> Due(PppkDbContext db, Horizon h) =>
        db.Contracts.Where(c => c.Status == "active" && c.End <= (c.PartTime ? h.PartTime : h.FullTime));

    /// <summary>How many are due within the horizon.</summary>
    public static Task<int> CountAsync(PppkDbContext db, Horizon h, CancellationToken ct) => Due(db, h).CountAsync(ct);

    /// <summary>The next <paramref name="count"/> due after contract <paramref name="afterId"/>, by contract id.</summary>
    public static async Task<List<SourcedStart>> PageAsync(PppkDbContext db, PppkOptions options, Horizon h, int afterId, int count, CancellationToken ct)
    {
        var due = await (from c in Due(db, h).Where(c => c.Id > afterId).OrderBy(c => c.Id).Take(count)
                         join e in db.Employees on c.EmployeeId equals e.Id
                         orderby c.Id
                         select new { c.Id, c.End, c.PartTime, c.WeeklyHours, c.PayBasis, e.Name, e.Email, e.UnitCode, EmployeeId = e.Id, e.NiPppk, e.Position, e.Nik }).ToListAsync(ct);
        return due.Select(c => new SourcedStart(c.Id.ToString(CultureInfo.InvariantCulture), new InstanceService.BatchItem(c.Id.ToString(CultureInfo.InvariantCulture), new JsonObject
        {
            ["contractId"] = c.Id, ["contractEnd"] = c.End.ToString("yyyy-MM-dd"), ["employeeId"] = c.EmployeeId, ["employeeName"] = c.Name,
            ["employeeEmail"] = c.Email, ["unitCode"] = c.UnitCode, ["niPppk"] = c.NiPppk, ["nik"] = c.Nik, ["position"] = c.Position,
            ["partTime"] = c.PartTime, ["termYears"] = c.PartTime ? options.PartTime.TermYears : options.DefaultTermYears,
            ["fiscalCheckRequired"] = !c.PartTime || options.PartTime.FiscalCheck, ["weeklyHours"] = c.WeeklyHours, ["payBasis"] = c.PayBasis,
        }))).ToList();
    }
}

/// <summary>The source of <c>start-renewals</c> operations (arguments <c>horizon</c>, <c>partTimeHorizon</c>): <see cref="DueRenewals"/> by contract id.</summary>
public sealed class RenewalStarts(IOptions<PppkOptions> options, IServiceScopeFactory scopes) : IStartSource
{
    public const string OperationType = "start-renewals";

    public string Type => OperationType;

    public async Task<int> CountAsync(JsonObject args, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await DueRenewals.CountAsync(scope.ServiceProvider.GetRequiredService<PppkDbContext>(), DueRenewals.Horizon.FromArgs(args), ct);
    }

    public async Task<IReadOnlyList<SourcedStart>> ReadAsync(JsonObject args, string? after, int count, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await DueRenewals.PageAsync(scope.ServiceProvider.GetRequiredService<PppkDbContext>(), options.Value, DueRenewals.Horizon.FromArgs(args),
            after is null ? 0 : int.Parse(after, CultureInfo.InvariantCulture), count, ct);
    }
}
