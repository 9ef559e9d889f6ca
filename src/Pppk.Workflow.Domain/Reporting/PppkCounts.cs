using Npgsql;

namespace Pppk.Workflow.Domain.Reporting;

/// <summary>
/// The PPPK figures of the dashboard, read from the domain's own tables: contracts ending per month for the next 12
/// months, renewal outcomes, and selection progress. The workflow figures come from the runtime (<c>WorkCounts</c>).
/// </summary>
public static class PppkCounts
{
    public sealed record MonthCount(string Month, long Count);

    public sealed record SelectionProgress(long Formations, long FormationsRanked, long Applicants, long Ms, long Tms, long Scored, long Passed);

    public sealed record Figures(IReadOnlyList<MonthCount> ContractsEnding, long Renewed, long Ended, SelectionProgress Selection);

    public static async Task<Figures> ReadAsync(NpgsqlDataSource db, CancellationToken ct)
    {
        var ending = new List<MonthCount>();
        await using (var cmd = db.CreateCommand("""
            SELECT to_char(m, 'YYYY-MM'), (SELECT count(*) FROM pppk.contracts c WHERE c.status = 'active' AND date_trunc('month', c."end") = m)
            FROM generate_series(date_trunc('month', current_date), date_trunc('month', current_date) + interval '11 months', interval '1 month') AS m
            ORDER BY m
            """))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct)) ending.Add(new(r.GetString(0), r.GetInt64(1)));

        long renewed, ended;
        await using (var cmd = db.CreateCommand("""
            SELECT (SELECT count(*) FROM pppk.contracts WHERE status = 'renewed'), (SELECT count(*) FROM pppk.contracts WHERE status = 'ended')
            """))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            await r.ReadAsync(ct);
            (renewed, ended) = (r.GetInt64(0), r.GetInt64(1));
        }

        SelectionProgress selection;
        await using (var cmd = db.CreateCommand("""
            SELECT (SELECT count(*) FROM pppk.formations),
                   (SELECT count(DISTINCT formation_id) FROM pppk.ranking_results),
                   count(*), count(*) FILTER (WHERE a.admin_verdict = 'MS'), count(*) FILTER (WHERE a.admin_verdict = 'TMS'),
                   count(s.applicant_id), count(*) FILTER (WHERE a.status = 'passed')
            FROM pppk.applicants a LEFT JOIN pppk.cat_scores s ON s.applicant_id = a.id
            """))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            await r.ReadAsync(ct);
            selection = new SelectionProgress(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5), r.GetInt64(6));
        }
        return new Figures(ending, renewed, ended, selection);
    }
}
