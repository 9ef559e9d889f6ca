using Microsoft.EntityFrameworkCore;
using Pppk.Workflow.Domain.Data;

namespace Pppk.Workflow.Domain.Employees;

/// <summary>
/// A unit's rating distribution for a period: its staff (the employees of the unit with a contract overlapping the period
/// or a rating of the period, each once) and how many of them are rated Baik or better. The share of the staff, not of the
/// ratings so far: an employee rated without such a contract still counts, so the share never exceeds 100%.
/// </summary>
public sealed record UnitDistribution(int Staff, int Good)
{
    /// <summary>
    /// Counts the distribution of <paramref name="unit"/> for <paramref name="year"/>'s <paramref name="period"/>
    /// (<paramref name="start"/>-<paramref name="end"/>) in <paramref name="db"/>'s transaction, on the unit's copies of the
    /// employee's unit (contracts and evaluations, migrations Issue21CountKeys and Issue21UnitDistribution): the staff are
    /// the union of two index-only ranges (the unit's contracts overlapping the period, the unit's ratings of it), the good
    /// ones a range of the ratings (every rated employee of the unit is staff); never a probe per employee of the unit
    /// (docs/scale.md: 81-98 ms at 50,000 employees a unit, 350-560 ms probing).
    /// </summary>
    public static async Task<UnitDistribution> CountAsync(PppkDbContext db, string? unit, int year, string period, DateOnly start, DateOnly end, CancellationToken ct) =>
        await db.Database.SqlQuery<UnitDistribution>($"""
            SELECT (SELECT count(*) FROM (SELECT c.employee_id FROM pppk.contracts c WHERE c.unit_code = {unit} AND c."end" >= {start} AND c.tmt <= {end}
                                          UNION SELECT v.employee_id FROM pppk.evaluations v WHERE v.unit_code = {unit} AND v.year = {year} AND v.period = {period}) x)::int AS staff,
                   (SELECT count(*) FROM pppk.evaluations v WHERE v.unit_code = {unit} AND v.year = {year} AND v.period = {period}
                      AND v.predicate IN ({Predicates.SangatBaik}, {Predicates.Baik}))::int AS good
            """).SingleAsync(ct);
}
