using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Pppk.Workflow.Domain.Data;
using Pppk.Workflow.Domain.Employees;
using Pppk.Workflow.Domain.Selection;
using Pppk.Workflow.Domain.Privacy;
using Pppk.Workflow.Host.AccessLog;
using Pppk.Workflow.Testing;

namespace Pppk.Workflow.Domain.Tests;

/// <summary>The host with a finance key besides the verifier and employee, and a short access-log retention (30 days).</summary>
public sealed class AccessLogHost : DomainTestHost
{
    public const string FinanceKey = "domain-finance-key-0123456789";

    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Auth:ApiKeys:2:Name"] = "keuangan-app";
        settings["Auth:ApiKeys:2:Key"] = FinanceKey;
        settings["Auth:ApiKeys:2:Roles:0"] = "finance";
        settings["AccessLog:Retention"] = "30.00:00:00";
        return settings;
    }
}

/// <summary>Reads of one person's data leave a row in the access log; hr-admin queries it per person; old rows are pruned.</summary>
public sealed class AccessLogTests(AccessLogHost host) : IClassFixture<AccessLogHost>
{
    private static int _next;

    /// <summary>An employee and an applicant of a NIK of their own, so tests sharing the host do not see each other's rows.</summary>
    private async Task<(Employee Employee, Applicant Applicant)> PersonAsync(string name)
    {
        var nik = "6402" + Interlocked.Increment(ref _next).ToString("D12");
        await using var scope = host.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PppkDbContext>();
        var employee = new Employee { Nik = nik, Name = name, UnitCode = "DISDIKBUD", Grade = 9 };
        var applicant = new Applicant { RegistrationNumber = "REG-" + nik, Nik = nik, Name = name, FormationCode = "F-NONE", BirthDate = new DateOnly(1990, 1, 2) };
        db.AddRange(employee, applicant);
        await db.SaveChangesAsync();
        return (employee, applicant);
    }

    private async Task<JsonElement> LogAsync(string query)
    {
        using var admin = host.Client();
        var response = await admin.GetAsync("/api/access-log?" + query);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task ReadAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task Reading_an_employee_records_one_row_with_the_reader_that_hr_admin_finds_by_nik_with_the_name()
    {
        var (employee, _) = await PersonAsync("Siti Rahmawati");
        using (var verifier = host.Client(DomainTestHost.VerifierKey)) await ReadAsync(verifier, $"/api/employees/{employee.Id}");
        using (var finance = host.Client(AccessLogHost.FinanceKey)) await ReadAsync(finance, $"/api/employees/{employee.Id}");

        var log = await LogAsync($"nik={employee.Nik}");
        Assert.Equal((2, 1, 50), (log.GetProperty("total").GetInt32(), log.GetProperty("page").GetInt32(), log.GetProperty("pageSize").GetInt32()));
        var items = log.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["keuangan-app", "verifier-tool"], items.Select(i => i.GetProperty("user").GetString())); // newest first
        Assert.All(items, i => Assert.Equal(("employee", employee.Id.ToString(), employee.Nik, "Siti Rahmawati"),
            (i.GetProperty("kind").GetString(), i.GetProperty("recordId").GetString(), i.GetProperty("nik").GetString(), i.GetProperty("name").GetString())));
        var at = items[0].GetProperty("at").GetString()!;
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$", at);
        Assert.InRange(DateTimeOffset.Parse(at), DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(5));

        var byUser = await LogAsync($"nik={employee.Nik}&user=verifier-tool&kind=employee&recordId={employee.Id}");
        Assert.Equal(1, byUser.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Reading_an_applicant_records_it_under_the_same_person_as_the_employee_record()
    {
        var (employee, applicant) = await PersonAsync("Budi Santoso");
        using (var verifier = host.Client(DomainTestHost.VerifierKey))
        {
            await ReadAsync(verifier, $"/api/applicants/{applicant.RegistrationNumber}");
            await ReadAsync(verifier, $"/api/employees/{employee.Id}");
        }
        var items = (await LogAsync($"nik={employee.Nik}")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([("employee", employee.Id.ToString()), ("applicant", applicant.RegistrationNumber)],
            items.Select(i => (i.GetProperty("kind").GetString(), i.GetProperty("recordId").GetString())));
        Assert.All(items, i => Assert.Equal("Budi Santoso", i.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Reading_a_case_its_history_audit_and_task_is_recorded_and_a_record_not_found_is_not()
    {
        using var admin = host.Client();
        var api = new WorkflowApiClient(admin);
        await api.DeployAsync(Bpmn.Chain("akses-kasus", Bpmn.UserTask("periksa")));
        var instanceId = (await api.StartAsync("akses-kasus"))["id"]!.GetValue<string>();
        var taskId = (await api.OpenTasksAsync(instanceId))[0]!["id"]!.GetValue<string>();

        using (var verifier = host.Client(DomainTestHost.VerifierKey))
        {
            foreach (var url in new[] { $"/api/instances/{instanceId}", $"/api/instances/{instanceId}/history", $"/api/instances/{instanceId}/audit", $"/api/tasks/{taskId}" })
                await ReadAsync(verifier, url);
            Assert.Equal(HttpStatusCode.NotFound, (await verifier.GetAsync($"/api/instances/{Guid.NewGuid()}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await verifier.GetAsync("/api/employees/999999999")).StatusCode);
        }

        var instance = await LogAsync($"kind=instance&recordId={instanceId}&user=verifier-tool");
        Assert.Equal(3, instance.GetProperty("total").GetInt32());
        Assert.All(instance.GetProperty("items").EnumerateArray(), i => Assert.Equal(JsonValueKind.Null, i.GetProperty("nik").ValueKind));
        Assert.Equal(1, (await LogAsync($"kind=task&recordId={taskId}")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await LogAsync("kind=employee&recordId=999999999")).GetProperty("total").GetInt32());
        // Listing tasks is not a read of one person's record: nothing is recorded for the task list the test called above.
        Assert.Equal(0, (await LogAsync("user=bootstrap&kind=task")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Only_hr_admin_reads_the_access_log()
    {
        foreach (var key in new[] { DomainTestHost.VerifierKey, AccessLogHost.FinanceKey, DomainTestHost.EmployeeKey })
        {
            using var client = host.Client(key);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/access-log")).StatusCode);
        }
        using var anonymous = host.Client(apiKey: null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/access-log")).StatusCode);
    }

    [Fact]
    public async Task A_bad_filter_is_a_400_problem_naming_it()
    {
        using var admin = host.Client();
        foreach (var (query, field) in new[] { ("kind=salary", "kind"), ("pageSize=501", "pageSize"), ("from=yesterday", null) })
        {
            var response = await admin.GetAsync("/api/access-log?" + query);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            if (field is not null)
                Assert.Equal(field, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
        }
    }

    [Fact]
    public async Task The_time_filter_takes_an_offset_and_ends_before_to()
    {
        var (employee, _) = await PersonAsync("Rina Wati");
        await InsertAsync(employee.Nik, ("2026-03-01T08:00:00+08:00", "a"), ("2026-03-02T08:00:00+08:00", "b"));
        var march1 = await LogAsync($"nik={employee.Nik}&from=2026-03-01T00:00:00%2B08:00&to=2026-03-02T08:00:00%2B08:00");
        Assert.Equal(["a"], march1.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("user").GetString()));
    }

    [Fact]
    public async Task Pruning_removes_rows_older_than_the_retention_and_keeps_newer_ones()
    {
        var (employee, _) = await PersonAsync("Ahmad Yani");
        var now = DateTimeOffset.UtcNow;
        await InsertAsync(employee.Nik, (now.AddDays(-31).ToString("O"), "old"), (now.AddDays(-29).ToString("O"), "recent"), (now.ToString("O"), "today"));

        var deleted = await host.Service<AccessLogPruning>().Prune(CancellationToken.None);

        Assert.True(deleted >= 1);
        Assert.Equal(["today", "recent"], (await LogAsync($"nik={employee.Nik}")).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("user").GetString()));
    }

    private async Task InsertAsync(string nik, params (string At, string User)[] rows)
    {
        foreach (var (at, user) in rows)
        {
            await using var cmd = host.Service<NpgsqlDataSource>().CreateCommand(
                "INSERT INTO pppk.access_log (at, user_name, kind, record_id, person_nik) VALUES (@at, @user, 'employee', '0', @nik)");
            cmd.Parameters.AddWithValue("at", DateTimeOffset.Parse(at).ToUniversalTime());
            cmd.Parameters.AddWithValue("user", user);
            cmd.Parameters.AddWithValue("nik", nik);
            await cmd.ExecuteNonQueryAsync();
        }
    }
}
