using System.Globalization;
using System.Linq.Expressions;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pppk.Workflow.Domain.Data;
using Pppk.Workflow.Domain.Employees;
using Pppk.Workflow.Runtime.Instances;
using Pppk.Workflow.Runtime.Operations;

namespace Pppk.Workflow.Domain.Handlers.Renewal;

/// <summary>
/// The evaluations of a period: every employee with an active contract, one <c>evaluasi-kinerja</c> start each (business
/// key employee:year:period). <c>pppk.start-evaluations</c> starts them as a streamed <c>start-evaluations</c> operation
/// (<see cref="EvaluationStarts"/>, by employee id a chunk at a time); the manual start's preview counts them with this same query.
/// </summary>
public static class DueEvaluations
{
    public const string Process = "evaluasi-kinerja";

    /// <summary>The employees due an evaluation.</summary>
    private static IQueryable<Employee> Due(PppkDbContext db) =>
        db.Employees.Where(e => db.Contracts.Any(c => c.EmployeeId == e.Id && c.Status == "active"));

    /// <summary>How many are due now.</summary>
    public static Task<int> CountAsync(PppkDbContext db, CancellationToken ct) => Due(db).CountAsync(ct);

    /// <summary>The next <paramref name="count"/> due after employee <paramref name="afterId"/>, by employee id.</summary>
    public static async Task<List<SourcedStart>> PageAsync(PppkDbContext db, int year, string period, int afterId, int count, CancellationToken ct) =>
        (await Due(db).Where(e => e.Id > afterId).OrderBy(e => e.Id).Take(count).Select(Columns).ToListAsync(ct)).Select(e => Start(e, year, period)).ToList();

    private sealed record Row(int Id, string Name, string? Email, string UnitCode, string? EvaluatorUserName, string Nik);

    private static readonly Expression<Func<Employee, Row>> Columns = e => new Row(e.Id, e.Name, e.Email, e.UnitCode, e.EvaluatorUserName, e.Nik);

    private static SourcedStart Start(Row e, int year, string period) => new(e.Id.ToString(CultureInfo.InvariantCulture), new($"{e.Id}:{year}:{period}", new JsonObject
    {
        ["employeeId"] = e.Id, ["employeeName"] = e.Name, ["employeeEmail"] = e.Email, ["unitCode"] = e.UnitCode, ["nik"] = e.Nik,
        ["evaluator"] = e.EvaluatorUserName, ["year"] = year, ["period"] = period,
    }));

    /// <summary>The quarter siklus-evaluasi's quarterly start names for <paramref name="today"/> (Q1–Q4).</summary>
    public static string QuarterOf(DateOnly today) => $"Q{(today.Month + 2) / 3}";
}

/// <summary>The source of <c>start-evaluations</c> operations (arguments <c>year</c>, <c>period</c>): <see cref="DueEvaluations"/> by employee id.</summary>
public sealed class EvaluationStarts(IServiceScopeFactory scopes) : IStartSource
{
    public const string OperationType = "start-evaluations";

    public string Type => OperationType;

    public async Task<int> CountAsync(JsonObject args, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await DueEvaluations.CountAsync(scope.ServiceProvider.GetRequiredService<PppkDbContext>(), ct);
    }

    public async Task<IReadOnlyList<SourcedStart>> ReadAsync(JsonObject args, string? after, int count, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PppkDbContext>();
        return await DueEvaluations.PageAsync(db, (int)args["year"]!, (string)args["period"]!, after is null ? 0 : int.Parse(after, CultureInfo.InvariantCulture), count, ct);
    }
}
