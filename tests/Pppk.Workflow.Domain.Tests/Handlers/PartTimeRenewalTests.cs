using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Pppk.Workflow.Runtime.Instances;
using Pppk.Workflow.Testing;
using static Pppk.Workflow.Testing.Bpmn;

namespace Pppk.Workflow.Domain.Tests.Handlers;

/// <summary>The host of <see cref="PartTimeRenewalTests"/>: part-time renewals for 2 years, without the fiscal check, 3 months ahead.</summary>
public sealed class PartTimeRenewalHost : DomainTestHost
{
    protected override Dictionary<string, string?> Settings()
    {
        var s = base.Settings();
        s["Pppk:PartTime:TermYears"] = "2";
        s["Pppk:PartTime:FiscalCheck"] = "false";
        s["Pppk:PartTime:RenewalLeadMonths"] = "3";
        s["Jobs:QueuePollInterval"] = "00:00:00.200";
        return s;
    }
}

/// <summary>
/// Part-time contracts are renewed by <c>Pppk:PartTime</c>: the monitor starts them within their own lead time and tells
/// the renewal they are part-time (term, fiscal check); a renewed part-time contract stays part-time.
/// </summary>
public sealed class PartTimeRenewalTests(PartTimeRenewalHost host) : IClassFixture<PartTimeRenewalHost>
{
    [Fact]
    public async Task The_monitor_and_the_renewal_follow_the_part_time_rules()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        string Contract(int id, bool partTime, DateOnly end) => $"""
            INSERT INTO pppk.employees (id, nik, name, unit_code, grade, service_years) VALUES ({id}, '64029977000{id}', 'Uji {id}', 'DINKES', 7, 1);
            INSERT INTO pppk.contracts (id, employee_id, tmt, "end", years, status, part_time, weekly_hours, pay_basis)
              VALUES ({id}, {id}, '{end.AddYears(-1).AddDays(1):yyyy-MM-dd}', '{end:yyyy-MM-dd}', 1, 'active', {partTime}, {(partTime ? "24" : "NULL")}, {(partTime ? "'ump'" : "NULL")});
            """;
        // Part-time ending in 2 months (due), part-time in 5 (not yet: 3 months), full-time in 5 (due: 6 months).
        await SqlAsync(Contract(97001, true, today.AddMonths(2)) + Contract(97002, true, today.AddMonths(5)) + Contract(97003, false, today.AddMonths(5)));

        await host.Service<InstanceService>().StartByTimerAsync("pemantauan-kontrak", "harian", CancellationToken.None);
        using var admin = host.Client();
        async Task<JsonArray> RenewalsOf(int contractId) =>
            (await admin.GetFromJsonAsync<JsonObject>($"/api/instances?definitionKey=perpanjangan-kontrak&businessKey={contractId}"))!["items"]!.AsArray();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await RenewalsOf(97001)).Count == 0 || (await RenewalsOf(97003)).Count == 0)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"The monitor started no renewal of 97001 and 97003; incidents: {(await admin.GetFromJsonAsync<JsonObject>("/api/incidents"))!["items"]!.ToJsonString()}");
            await Task.Delay(150);
        }
        Assert.Empty(await RenewalsOf(97002));

        var partTime = (await admin.GetFromJsonAsync<JsonObject>($"/api/instances/{(await RenewalsOf(97001))[0]!["id"]}"))!["variables"]!;
        Assert.Equal((true, 2, false, 24, "ump"), ((bool)partTime["partTime"]!, (int)partTime["termYears"]!, (bool)partTime["fiscalCheckRequired"]!,
            (int)partTime["weeklyHours"]!, (string?)partTime["payBasis"]));
        var fullTime = (await admin.GetFromJsonAsync<JsonObject>($"/api/instances/{(await RenewalsOf(97003))[0]!["id"]}"))!["variables"]!;
        Assert.Equal((false, 1, true), ((bool)fullTime["partTime"]!, (int)fullTime["termYears"]!, (bool)fullTime["fiscalCheckRequired"]!));

        // Without the fiscal check by configuration: no budget of DINKES is needed, and nothing is recorded as a check.
        var fiscal = new WorkflowApiClient(admin);
        await fiscal.DeployAsync(Chain("cek_fiskal_paruh_waktu", ServiceTask("cek", "pppk.fiscal-check")));
        var skipped = (string)(await fiscal.StartAsync("cek_fiskal_paruh_waktu", new { contractId = 97001, fiscalCheckRequired = false }))["id"]!;
        var passed = await fiscal.WaitForStatusAsync(skipped, "completed", TimeSpan.FromSeconds(30));
        Assert.True((bool)passed["variables"]!["fiscalOk"]!);
        Assert.Contains("paruh waktu", (string?)passed["variables"]!["fiscalReason"]);
        // With the check required and no budget entered, it asks finance for the figures instead.
        var asked = (string)(await fiscal.StartAsync("cek_fiskal_paruh_waktu", new { contractId = 97003, fiscalCheckRequired = true }))["id"]!;
        var missing = await fiscal.WaitForStatusAsync(asked, "completed", TimeSpan.FromSeconds(30));
        Assert.True((bool)missing["variables"]!["fiscalDataMissing"]!);

        // Renewed without a term decided: the part-time term; hours and pay basis carried over.
        var api = new WorkflowApiClient(admin);
        await api.DeployAsync(Chain("perpanjang_paruh_waktu", ServiceTask("tugas", "pppk.renew-contract")));
        var id = (string)(await api.StartAsync("perpanjang_paruh_waktu", new { contractId = 97001 }))["id"]!;
        await api.WaitForStatusAsync(id, "completed", TimeSpan.FromSeconds(30));
        await using var data = NpgsqlDataSource.Create(host.ConnectionString);
        await using var cmd = data.CreateCommand("SELECT years, part_time, weekly_hours, pay_basis FROM pppk.contracts WHERE employee_id = 97001 AND status = 'active'");
        await using var reader = await cmd.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal((2, true, 24, "ump"), (reader.GetInt32(0), reader.GetBoolean(1), reader.GetInt32(2), reader.GetString(3)));
    }

    private async Task SqlAsync(string sql)
    {
        await using var data = NpgsqlDataSource.Create(host.ConnectionString);
        await using var cmd = data.CreateCommand(sql);
        await cmd.ExecuteNonQueryAsync();
    }
}
