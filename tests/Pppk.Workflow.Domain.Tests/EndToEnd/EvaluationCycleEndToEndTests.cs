using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Pppk.Workflow.Runtime.Instances;
using Pppk.Workflow.Runtime.Jobs;

namespace Pppk.Workflow.Domain.Tests.EndToEnd;

/// <summary>The evaluation cycle's timer start creates one evaluation per active employee; an overdue one is reminded and escalated.</summary>
public sealed class EvaluationCycleEndToEndTests(PppkEndToEndHost host) : IClassFixture<PppkEndToEndHost>
{
    private readonly Scenario _s = new(host);

    [Fact]
    public async Task The_quarterly_timer_start_evaluates_every_active_employee_and_overdue_evaluations_are_reminded_and_escalated()
    {
        await _s.ImportAsync("formations", "kode_formasi,jabatan,kode_unit,nama_unit,jenis,kuota,tahun,tahap\nF-9,Perawat,DINKES,Dinas Kesehatan,nakes,3,2024,1\n");
        var evaluator = await _s.PersonAsync("penilai_dinkes", "evaluator", "penilai@kukarkab.go.id", unitCode: "DINKES");
        var unitHead = await _s.PersonAsync("kepala_dinkes", "unit-head", "kepala@kukarkab.go.id", unitCode: "DINKES");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        string Row(int i, string end) =>
            $"19900101202421120{i},640201222290000{i},Pegawai {i},pegawai{i}@contoh.id,DINKES,Perawat,VII,1,penilai_dinkes,{today.AddMonths(-6):yyyy-MM-dd},{end},800/{i}/2025,{today.AddMonths(-6):yyyy-MM-dd},{today.AddMonths(-6):yyyy-MM-dd}";
        await _s.ImportAsync("employees", "ni_pppk,nik,nama,email,kode_unit,jabatan,golongan,masa_kerja,penilai,tmt,akhir_kontrak,nomor_sk,tanggal_sk,tanggal_spmt\n" +
            string.Join("\n", Row(1, $"{today.AddMonths(6):yyyy-MM-dd}"), Row(2, $"{today.AddMonths(6):yyyy-MM-dd}"), Row(3, $"{today.AddMonths(6):yyyy-MM-dd}")) + "\n");
        await using (var db = NpgsqlDataSource.Create(host.ConnectionString))
        await using (var ended = db.CreateCommand("UPDATE pppk.contracts SET status = 'ended' WHERE employee_id = (SELECT id FROM pppk.employees WHERE nik = '6402012222900003')"))
            await ended.ExecuteNonQueryAsync();

        // The recurring job of the quarterly timer start.
        await host.Host.Services.GetRequiredService<InstanceService>().StartByTimerAsync("siklus-evaluasi", "triwulan", CancellationToken.None);
        var evaluations = await EvaluationsAsync(2);
        Assert.Equal(2, evaluations.Count);
        var quarter = $"Q{(today.Month + 2) / 3}";
        Assert.All(evaluations, e => Assert.Equal(quarter, (string?)e["variables"]!["period"]));

        // One is done on time.
        var onTime = (string)evaluations[0]["id"]!;
        await _s.CompleteAsync(evaluator, onTime, "nilai", new { predicate = "Baik", evaluationNotes = "Target SKP tercapai" });
        var result = await _s.EmailAsync("pegawai" + ((string)evaluations[0]["variables"]!["employeeName"]!)[^1] + "@contoh.id", "");
        Assert.Contains("Baik", string.Join("", result.MessageParts.Select(p => p.BodyData)));

        // The other becomes overdue: move its timers' due times to now (as if the days had passed) and let the drain run.
        var late = (string)evaluations[1]["id"]!;
        await using (var db = NpgsqlDataSource.Create(host.ConnectionString))
        await using (var due = db.CreateCommand("UPDATE pppk.timers SET due_at = now() - interval '1 second' WHERE instance_id = @i"))
        {
            due.Parameters.AddWithValue("i", Guid.Parse(late));
            Assert.Equal(2, await due.ExecuteNonQueryAsync()); // the reminder cycle and the escalation
        }
        await host.Host.Services.GetRequiredService<WorkflowJobs>().DrainTimers(false, CancellationToken.None);

        var reminder = await _s.EmailAsync("penilai@kukarkab.go.id", "");
        Assert.Contains("Penilaian kinerja", string.Join("", reminder.MessageParts.Select(p => p.BodyData)));
        var escalation = await _s.TaskAsync(late, "tindak_lanjut");
        Assert.Equal("unit-head", (string?)escalation["candidateGroups"]![0]);
        // The evaluation task itself is still open (the boundaries don't interrupt), and the reminder re-armed for the next cycle.
        await _s.TaskAsync(late, "nilai");
        await using (var db = NpgsqlDataSource.Create(host.ConnectionString))
        await using (var timers = db.CreateCommand("SELECT count(*) FROM pppk.timers WHERE instance_id = @i AND due_at > now()"))
        {
            timers.Parameters.AddWithValue("i", Guid.Parse(late));
            Assert.Equal(1L, (long)(await timers.ExecuteScalarAsync())!);
        }
        await _s.CompleteAsync(unitHead, late, "tindak_lanjut", new { });
        await _s.CompleteAsync(evaluator, late, "nilai", new { predicate = "Kurang", evaluationNotes = "Target tidak tercapai" });
        await _s.TaskAsync(late, "pembinaan"); // Kurang opens a coaching task for the evaluator
    }

    private async Task<List<JsonObject>> EvaluationsAsync(int expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var items = (await _s.Admin.GetFromJsonAsync<JsonObject>("/api/instances?definitionKey=evaluasi-kinerja&pageSize=50"))!["items"]!.AsArray();
            if (items.Count >= expected || DateTime.UtcNow > deadline)
                return [.. items.Select(i => i!.AsObject()).OrderBy(i => (string?)i["variables"]!["employeeName"])];
            await Task.Delay(200);
        }
    }
}
