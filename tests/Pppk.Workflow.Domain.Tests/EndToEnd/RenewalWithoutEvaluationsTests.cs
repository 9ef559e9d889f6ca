using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Npgsql;

namespace Pppk.Workflow.Domain.Tests.EndToEnd;

/// <summary>
/// Issue 18: a renewal is decided on performance (PP 49/2018 art. 37), so an employee with no evaluation in the term is
/// recommended "perlu penilaian kinerja", not "diperpanjang"; the PPK reads that, and "belum ada penilaian", in words.
/// </summary>
public sealed class RenewalWithoutEvaluationsTests(PppkEndToEndHost host) : IClassFixture<PppkEndToEndHost>
{
    private readonly Scenario _s = new(host);

    [Fact]
    public async Task A_renewal_without_evaluations_recommends_an_evaluation_first()
    {
        var unitHead = await _s.PersonAsync("kepala_satpol", "unit-head", unitCode: "SATPOLPP");
        var ppk = await _s.PersonAsync("bupati_tanpa_nilai", "ppk");
        var end = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(4);
        var tmt = end.AddYears(-1).AddDays(1);
        await _s.ImportAsync("employees", "ni_pppk,nik,nama,email,kode_unit,jabatan,golongan,masa_kerja,penilai,tmt,akhir_kontrak,nomor_sk,tanggal_sk,tanggal_spmt\n" +
            $"199001012024211201,6402011111900011,Ikhsan Ramadhan,ikhsan@contoh.id,SATPOLPP,Polisi Pamong Praja,V,2,kepala_satpol,{tmt:yyyy-MM-dd},{end:yyyy-MM-dd},800/11/2024,{tmt:yyyy-MM-dd},{tmt:yyyy-MM-dd}\n");
        await using var db = NpgsqlDataSource.Create(host.ConnectionString);
        await using (var name = db.CreateCommand("UPDATE pppk.units SET name = 'Satuan Polisi Pamong Praja' WHERE code = 'SATPOLPP'")) await name.ExecuteNonQueryAsync();
        await using var query = db.CreateCommand("SELECT c.id, e.id FROM pppk.contracts c JOIN pppk.employees e ON e.id = c.employee_id WHERE e.nik = '6402011111900011'");
        await using var reader = await query.ExecuteReaderAsync();
        await reader.ReadAsync();
        var (contractId, employeeId) = (reader.GetInt32(0), reader.GetInt32(1));

        var instance = await _s.StartAsync("perpanjangan-kontrak", new
        {
            contractId, contractEnd = end.ToString("yyyy-MM-dd"), employeeId, employeeName = "Ikhsan Ramadhan", unitCode = "SATPOLPP", nik = "6402011111900011",
            niPppk = "199001012024211201", position = "Polisi Pamong Praja", fiscalCheckRequired = false,
        }, contractId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var id = (string)instance["id"]!;
        await _s.CompleteAsync(unitHead, id, "kebutuhan", new { stillNeeded = true });

        var decision = await _s.TaskAsync(id, "keputusan_ppk");
        var admin = (await _s.Admin.GetFromJsonAsync<JsonObject>($"/api/tasks/{decision["id"]}"))!;
        Assert.Equal("perlu penilaian kinerja", (string?)admin["variables"]!["recommendation"]);
        Assert.True((bool)admin["variables"]!["performanceMissing"]!);

        // The PPK's answer: the summary in words, and of the variables only those the decision form reads.
        var forPpk = (await ppk.GetFromJsonAsync<JsonObject>($"/api/tasks/{decision["id"]}"))!;
        var lines = forPpk["summary"]!.AsArray().ToDictionary(l => (string)l!["label"]!, l => (string)l!["value"]!);
        Assert.Equal("belum ada penilaian", lines["Penilaian kinerja masa kontrak"]);
        Assert.Equal("Satuan Polisi Pamong Praja", lines["Unit kerja"]);
        Assert.Equal("perlu penilaian kinerja", lines["Rekomendasi"]);
        Assert.Equal("Ya", lines["Masih dibutuhkan unit"]);
        Assert.DoesNotContain(lines.Values, v => v.Trim() is "" or "." or "-");
        var variables = forPpk["variables"]!.AsObject().Select(v => v.Key).ToList();
        Assert.Contains("recommendation", variables);
        Assert.DoesNotContain("contractId", variables);
        Assert.DoesNotContain("employeeEmail", variables);
    }
}
