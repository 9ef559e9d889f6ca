using Npgsql;
using Pppk.Workflow.Domain.Employees;
using Pppk.Workflow.Runtime.Jobs;
using Pppk.Workflow.Testing;
using static Pppk.Workflow.Testing.Bpmn;

namespace Pppk.Workflow.Domain.Tests.Handlers;

/// <summary>
/// Every inline handler (PPPK and email) through a failed first attempt: its automatic retry runs inside a step with the
/// transaction, like the first attempt, and either succeeds once the cause is gone or ends in an incident that gives the
/// handler's own reason (never a missing connection).
/// </summary>
public sealed class InlineHandlerRetryTests(DomainTestHost host) : IClassFixture<DomainTestHost>
{
    private static readonly string SkNumber = SkNumbering.Format(new PppkOptions().SkNumberPattern, 1, new PppkOptions().SkSequenceDigits, new DateOnly(2077, 1, 5), "pengangkatan");

    /// <summary>
    /// A handler's task started with <see cref="Variables"/> after <see cref="Before"/> ran. With <see cref="Fix"/>, that SQL
    /// runs once the first attempt failed and the retry must complete; without, the incident reads <see cref="Reason"/>.
    /// </summary>
    public sealed record Case(string Type, object Variables, string? Reason, string? Before = null, string? Fix = null, string? Output = null);

    private static readonly Case[] Cases =
    [
        new("pppk.record-evaluation", new { predicate = "Baik", employeeId = 990101, year = 2026, period = "annual" }, "No employee 990101."),
        new("pppk.create-contract", new { employeeId = 990001, tmt = "2026-03-01" }, null,
            Fix: "INSERT INTO pppk.employees (id, nik, name, unit_code, grade, service_years) VALUES (990001, '6402990000000001', 'Uji Kontrak', 'BKPSDM', 9, 0)",
            Output: "contractId"),
        new("pppk.create-contract", new { employeeId = 990115, tmt = "2026-03-01", partTime = true, payBasis = "gaji-pns" }, "payBasis must be one of upah-non-asn, ump, not 'gaji-pns'."),
        new("pppk.sk-number", new { employeeId = 990001, skDate = "2077-01-05" }, null,
            Before: $"INSERT INTO pppk.sks (employee_id, number, date, signer, kind) VALUES (1, '{SkNumber}', '2077-01-05', 'Bupati', 'pengangkatan')",
            Fix: $"DELETE FROM pppk.sks WHERE number = '{SkNumber}'", Output: "skNumber"),
        new("pppk.record-ni", new { employeeId = 990102, niPppk = "199001012026211001" }, "No employee 990102."),
        new("pppk.create-employee", new { registrationNumber = "REG-990103" }, "No applicant with registration number REG-990103."),
        new("pppk.propose-ni", new { }, "The task needs the variable 'nik' (text); map it in the task's inputs."),
        new("pppk.record-spmt", new { contractId = 990104, spmtDate = "2026-03-02" }, "No contract 990104."),
        // A missing budget is no failure (the workflow gives finance a task); a missing contract is.
        new("pppk.fiscal-check", new { contractId = 990002, fiscalYear = 2026 }, null,
            Before: Renewal(990002, 2026),
            Fix: $"INSERT INTO pppk.contracts (id, employee_id, tmt, \"end\", years, status) VALUES (990002, 990002, '2021-01-01', '2025-12-31', 5, 'active')",
            Output: "fiscalCheckId"),
        new("pppk.end-contract", new { contractId = 990105 }, "No contract 990105."),
        new("pppk.performance-summary", new { contractId = 990106 }, "No contract 990106."),
        new("pppk.fiscal-override", new { fiscalCheckId = 990107 }, "No fiscal check 990107."),
        new("pppk.renew-contract", new { contractId = 990108 }, "No contract 990108."),
        new("pppk.record-appeal", new { registrationNumber = "REG-990109" }, "No applicant with registration number REG-990109."),
        new("pppk.record-verdict", new { registrationNumber = "REG-990110", verdict = "MS" }, "No applicant with registration number REG-990110."),
        new("pppk.record-appeal-submitted", new { registrationNumber = "REG-990113" }, "No applicant with registration number REG-990113."),
        new("pppk.close-appeal-window", new { registrationNumber = "REG-990114" }, "No applicant with registration number REG-990114."),
        new("pppk.rank-formation", new { formationCode = "F-990111" }, "No formation with code F-990111."),
        new("pppk.formation-scores", new { formationCode = "F-990118" }, "No formation with code F-990118."),
        new("pppk.part-time-candidate", new { registrationNumber = "REG-990113" }, "No applicant with registration number REG-990113."),
        // Its own number: the cases run at once, and close-appeal-window expects REG-990114 not to exist.
        new("pppk.part-time-candidate", new { registrationNumber = "REG-990116" },
            "Applicant REG-990116 has no ranking result; rank the formation first.",
            Before: "INSERT INTO pppk.applicants (registration_number, nik, name, birth_date, priority_category, formation_code, status) VALUES ('REG-990116', '6402990000990116', 'Uji Paruh Waktu', '1990-01-01', 2, 'F-990116', 'ms')"),
        new("pppk.register-applicant", new { formationCode = "F-990112" }, "No formation with code F-990112: check the applicant's formationCode."),
        new("email", new { }, "Template 'pengingat-tugas' uses variable(s) "),
        new("pppk.document", new { employeeId = 990117, documentKind = "sk" }, "Employee 990117 has no contract (or not the SK named by skId) to generate the sk from."),
        new("pppk.sign-document", new { employeeId = 990118 }, "The case has no unsigned document to sign; generate it first with a 'pppk.document' task."),
    ];

    /// <summary>An employee of DISDIKBUD (no contract yet), the unit's budget and the region's figures of <paramref name="year"/>.</summary>
    private static string Renewal(int id, int year) => $"""
        INSERT INTO pppk.employees (id, nik, name, unit_code, grade, service_years) VALUES ({id}, '64029900000{id}', 'Uji Fiskal', 'DISDIKBUD', 9, 2);
        INSERT INTO pppk.unit_budgets (unit_code, fiscal_year, personnel_ceiling, committed) VALUES ('DISDIKBUD', {year}, 90000000000, 0);
        INSERT INTO pppk.regional_fiscal_settings (fiscal_year, budget_total, personnel_spending, cap_percent) VALUES ({year}, 3000000000000, 800000000000, 30);
        """;

    [Fact]
    public void Every_inline_handler_has_a_case()
    {
        var registry = host.Service<JobHandlerRegistry>();
        var inline = registry.Types.Where(t => registry.Find(t)!.Inline).Order();
        Assert.Equal(inline, Cases.Select(c => c.Type).Distinct().Order());
    }

    [Fact]
    public async Task Each_inline_handler_is_retried_in_a_step_and_succeeds_or_gives_its_own_reason()
    {
        var api = new WorkflowApiClient(host.Client());
        await Task.WhenAll(Cases.Select((c, i) => RunAsync(api, c, $"ulang_{i}")));
    }

    private async Task RunAsync(WorkflowApiClient api, Case c, string key)
    {
        // Two retries: the first attempt (in the start's step) and one automatic retry, which gives the incident.
        var retries = c.Fix is null ? 2 : 3;
        var task = c.Type == "email"
            ? EmailTask("tugas", retries, ("template", "pengingat-tugas"), ("to", "admin"))
            : ServiceTask("tugas", c.Type, retries);
        await api.DeployAsync(Chain(key, task));
        if (c.Before is not null) await ExecAsync(c.Before);
        var id = (string)(await api.StartAsync(key, c.Variables))["id"]!;

        if (c.Fix is not null)
        {
            await WaitAsync(async () => await JobRowsAsync(id) > 0, $"{c.Type}: a retry waiting after the first attempt failed");
            await ExecAsync(c.Fix);
            var done = await api.WaitForStatusAsync(id, "completed", TimeSpan.FromSeconds(60));
            Assert.NotNull(done["variables"]![c.Output!]);
            return;
        }
        var message = (string)Assert.Single(await api.WaitForIncidentsAsync(id, TimeSpan.FromSeconds(60)))!["message"]!;
        Assert.StartsWith($"The job '{c.Type}' of 'tugas' failed with no retries left: {c.Reason}", message);
        if (c.Type != "email") Assert.Equal($"The job '{c.Type}' of 'tugas' failed with no retries left: {c.Reason}", message);
    }

    private async Task ExecAsync(string sql)
    {
        await using var db = NpgsqlDataSource.Create(host.ConnectionString);
        await using var cmd = db.CreateCommand(sql);
        await cmd.ExecuteNonQueryAsync();
    }

    private async Task<long> JobRowsAsync(string instanceId)
    {
        await using var db = NpgsqlDataSource.Create(host.ConnectionString);
        await using var cmd = db.CreateCommand("SELECT count(*) FROM pppk.jobs WHERE instance_id = @i");
        cmd.Parameters.AddWithValue("i", Guid.Parse(instanceId));
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    private static async Task WaitAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Waited in vain for {what}.");
            await Task.Delay(100);
        }
    }
}
