using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Pppk.Workflow.Domain.Data;
using Pppk.Workflow.Domain.Employees;

namespace Pppk.Workflow.Domain.Tests;

/// <summary>
/// Each unit's active contracts as the database keeps them (<c>pppk.unit_contract_counts</c>, migration
/// <c>Issue21UnitCounters</c>): after every kind of write to the contracts the counters equal a recount, and the budgets
/// page shows them.
/// </summary>
public sealed class UnitContractCountTests(DomainTestHost host) : IClassFixture<DomainTestHost>
{
    private static readonly DateOnly Tmt = new(2026, 1, 1);

    private async Task<T> DbAsync<T>(Func<PppkDbContext, Task<T>> work)
    {
        await using var scope = host.Host.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<PppkDbContext>());
    }

    private Task<int> SqlAsync(FormattableString sql) => DbAsync(db => db.Database.ExecuteSqlAsync(sql));

    /// <summary>Units <paramref name="units"/> with <paramref name="perUnit"/> employees each, no contracts; the employees' ids by unit.</summary>
    private async Task<Dictionary<string, int[]>> UnitsAsync(int perUnit, params string[] units)
    {
        foreach (var unit in units)
            await SqlAsync($"""
                INSERT INTO pppk.units (code, name) VALUES ({unit}, {"Unit " + unit});
                INSERT INTO pppk.employees (ni_pppk, nik, name, email, birth_date, unit_code, position, grade, service_years)
                SELECT {unit} || '-' || g, {unit} || '-' || g, 'Pegawai ' || {unit} || ' ' || g, {unit} || g || '@contoh.go.id', date '1990-01-01', {unit},
                    'Perawat Terampil', 9, 1
                FROM generate_series(1, {perUnit}) g
                """);
        return await DbAsync(async db => (await db.Employees.Where(e => units.Contains(e.UnitCode)).Select(e => new { e.UnitCode, e.Id }).ToListAsync())
            .GroupBy(e => e.UnitCode).ToDictionary(g => g.Key, g => g.Select(e => e.Id).Order().ToArray()));
    }

    /// <summary>The counters (units with none left out) equal a count of the active contracts by their unit, for every unit of the database.</summary>
    private async Task CountersAgreeAsync()
    {
        var (counted, kept) = await DbAsync(async db => (
            await db.Contracts.Where(c => c.Status == "active").GroupBy(c => c.UnitCode).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count),
            await db.UnitContractCounts.Where(n => n.Active != 0).ToDictionaryAsync(n => n.UnitCode, n => n.Active)));
        Assert.Equal(counted.OrderBy(p => p.Key), kept.OrderBy(p => p.Key));
    }

    private Task<int> KeptAsync(string unit) => DbAsync(db => db.UnitContractCounts.Where(n => n.UnitCode == unit).Select(n => n.Active).SingleOrDefaultAsync());

    private async Task<JsonElement> BudgetAsync(string unit)
    {
        using var client = host.Client();
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/budgets?fiscalYear=2026&unitCode={unit}");
        return page.GetProperty("items").EnumerateArray().Single();
    }

    [Fact]
    public async Task The_counters_follow_inserts_status_changes_renewals_moves_deletes_and_statements_over_several_units()
    {
        var ids = await UnitsAsync(5, "UCA", "UCB", "UCC");

        // One statement over three units (as an import or the seeding SQL): two active contracts each, one ended.
        await SqlAsync($"""
            INSERT INTO pppk.contracts (employee_id, tmt, "end", years, status)
            SELECT e.id, {Tmt}, {Tmt.AddYears(2)}, 2, CASE WHEN row_number() OVER (PARTITION BY e.unit_code ORDER BY e.id) <= 2 THEN 'active' ELSE 'ended' END
            FROM pppk.employees e WHERE e.unit_code IN ('UCA', 'UCB', 'UCC') AND e.id IN ({ids["UCA"][0]}, {ids["UCA"][1]}, {ids["UCA"][2]},
                {ids["UCB"][0]}, {ids["UCB"][1]}, {ids["UCB"][2]}, {ids["UCC"][0]}, {ids["UCC"][1]}, {ids["UCC"][2]})
            """);
        Assert.Equal((2, 2, 2), (await KeptAsync("UCA"), await KeptAsync("UCB"), await KeptAsync("UCC")));
        await CountersAgreeAsync();

        // A new contract through EF, and a renewal: the old one renewed and the new one active in one transaction.
        var renewedId = await DbAsync(async db =>
        {
            db.Contracts.Add(new Contract { EmployeeId = ids["UCA"][3], Tmt = Tmt, End = Tmt.AddYears(1), Years = 1, Status = "active" });
            await db.SaveChangesAsync();
            var old = await db.Contracts.SingleAsync(c => c.EmployeeId == ids["UCA"][0]);
            old.Status = "renewed";
            db.Contracts.Add(new Contract { EmployeeId = old.EmployeeId, Tmt = old.End.AddDays(1), End = old.End.AddYears(2), Years = 2, Status = "active" });
            await db.SaveChangesAsync();
            return old.Id;
        });
        Assert.Equal(3, await KeptAsync("UCA"));
        await CountersAgreeAsync();

        // A status change back and forth, and an update that leaves the status as it is.
        await SqlAsync($"UPDATE pppk.contracts SET status = 'active' WHERE id = {renewedId}");
        Assert.Equal(4, await KeptAsync("UCA"));
        await SqlAsync($"UPDATE pppk.contracts SET status = 'ended' WHERE id = {renewedId}");
        await SqlAsync($"UPDATE pppk.contracts SET years = years WHERE employee_id IN (SELECT id FROM pppk.employees WHERE unit_code = 'UCA')");
        Assert.Equal(3, await KeptAsync("UCA"));
        await CountersAgreeAsync();

        // The employee moves: their active contracts go with them (the copy's trigger rewrites contracts.unit_code).
        await DbAsync(async db => { (await db.Employees.SingleAsync(e => e.Id == ids["UCB"][0])).UnitCode = "UCC"; return await db.SaveChangesAsync(); });
        Assert.Equal((1, 3), (await KeptAsync("UCB"), await KeptAsync("UCC")));
        await CountersAgreeAsync();

        // A contract given to another unit's employee.
        await SqlAsync($"UPDATE pppk.contracts SET employee_id = {ids["UCA"][4]} WHERE employee_id = {ids["UCB"][1]}");
        Assert.Equal((0, 4), (await KeptAsync("UCB"), await KeptAsync("UCA")));
        await CountersAgreeAsync();

        // One statement ending contracts of two units, then deletes.
        await SqlAsync($"UPDATE pppk.contracts SET status = 'ended' WHERE unit_code IN ('UCA', 'UCC') AND employee_id IN ({ids["UCA"][3]}, {ids["UCC"][0]})");
        Assert.Equal((3, 2), (await KeptAsync("UCA"), await KeptAsync("UCC")));
        await DbAsync(db => db.Contracts.Where(c => c.UnitCode == "UCC" && c.Status == "active").Take(1).ExecuteDeleteAsync());
        await SqlAsync($"DELETE FROM pppk.contracts WHERE unit_code = 'UCA' AND status = 'ended'");
        Assert.Equal((3, 1), (await KeptAsync("UCA"), await KeptAsync("UCC")));
        await CountersAgreeAsync();

        // The budgets page and saving a unit's budget show the kept figure.
        using var client = host.Client();
        var saved = await client.PutAsJsonAsync("/api/budgets/UCA/2026", new { personnelCeiling = 900_000_000m });
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        Assert.Equal(3, (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("activeContracts").GetInt32());
        Assert.Equal(3, (await BudgetAsync("UCA")).GetProperty("activeContracts").GetInt32());
        await SqlAsync($"INSERT INTO pppk.unit_budgets (unit_code, fiscal_year, personnel_ceiling, committed) VALUES ('UCB', 2026, 1, 0)");
        Assert.Equal(0, (await BudgetAsync("UCB")).GetProperty("activeContracts").GetInt32());
    }

    [Fact]
    public async Task Two_transactions_adding_contracts_in_one_unit_at_once_both_count()
    {
        var ids = (await UnitsAsync(2, "UCT"))["UCT"];
        await using var first = new NpgsqlConnection(host.ConnectionString);
        await using var second = new NpgsqlConnection(host.ConnectionString);
        await first.OpenAsync();
        await second.OpenAsync();
        await using var firstTx = await first.BeginTransactionAsync();
        await using var secondTx = await second.BeginTransactionAsync();
        await InsertAsync(first, ids[0]);

        // The second writer waits on the unit's counter row until the first commits, then adds to what it committed.
        var waiting = InsertAsync(second, ids[1]);
        while (!waiting.IsCompleted && !await WaitsOnALockAsync(second.ProcessID)) await Task.Delay(20);
        Assert.False(waiting.IsCompleted, "the second writer did not wait for the first one's counter row");
        await firstTx.CommitAsync();
        await waiting;
        await secondTx.CommitAsync();

        Assert.Equal(2, await KeptAsync("UCT"));
        await CountersAgreeAsync();

        static async Task InsertAsync(NpgsqlConnection connection, int employeeId)
        {
            await using var insert = new NpgsqlCommand("""
                INSERT INTO pppk.contracts (employee_id, tmt, "end", years, status) VALUES (@employee, date '2026-01-01', date '2027-12-31', 2, 'active')
                """, connection);
            insert.Parameters.AddWithValue("employee", employeeId);
            await insert.ExecuteNonQueryAsync();
        }
    }

    private Task<bool> WaitsOnALockAsync(int pid) =>
        DbAsync(db => db.Database.SqlQuery<bool>($"SELECT coalesce(wait_event_type = 'Lock', false) AS \"Value\" FROM pg_stat_activity WHERE pid = {pid}").SingleAsync());
}
