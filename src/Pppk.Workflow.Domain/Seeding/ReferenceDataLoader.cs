using Microsoft.Extensions.Options;
using Npgsql;
using Pppk.Workflow.Runtime.Database;
using Pppk.Workflow.Runtime.Instances;

namespace Pppk.Workflow.Domain.Seeding;

/// <summary>
/// At start-up, after the migrations: the salary scale from <c>workflows/data/gaji-pppk-2024.csv</c> (the file is
/// the data; editing it and restarting updates the table). Upserts, so every start leaves the same rows.
/// </summary>
internal sealed class ReferenceDataLoader(NpgsqlDataSource db, IOptions<RuntimeOptions> runtime) : IDatabaseMigration
{
    public async Task MigrateAsync(CancellationToken ct)
    {
        var path = runtime.Value.WorkflowsPath is { } w ? Path.Combine(w, "data", SalaryScale.FileName) : null;
        var scale = SalaryScale.Load(path).Entries.ToList();
        await using var cmd = db.CreateCommand("""
            INSERT INTO pppk.salary_scale (grade, service_years, monthly_salary) SELECT * FROM unnest(@g, @y, @s)
            ON CONFLICT (grade, service_years) DO UPDATE SET monthly_salary = excluded.monthly_salary
            """);
        cmd.Parameters.AddWithValue("g", scale.Select(e => e.Grade).ToArray());
        cmd.Parameters.AddWithValue("y", scale.Select(e => e.ServiceYears).ToArray());
        cmd.Parameters.AddWithValue("s", scale.Select(e => e.MonthlySalary).ToArray());
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
