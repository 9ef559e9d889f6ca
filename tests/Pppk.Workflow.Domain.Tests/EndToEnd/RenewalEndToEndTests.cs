using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Pppk.Workflow.Domain.Documents;
using Pppk.Workflow.Runtime.Instances;

namespace Pppk.Workflow.Domain.Tests.EndToEnd;

/// <summary>
/// Three renewals started by the daily contract monitor: good evaluations and budget → renewed; a Kurang evaluation →
/// not renewed, with the written notice; the unit's budget short → finance overrides with a reason → renewed.
/// </summary>
public sealed class RenewalEndToEndTests(PppkEndToEndHost host) : IClassFixture<PppkEndToEndHost>
{
    private readonly Scenario _s = new(host);

    [Fact]
    public async Task Renewal_decisions_follow_performance_and_fiscal_checks()
    {
        var finance = await _s.PersonAsync("bpkad1", "finance");
        var ppk = await _s.PersonAsync("bupati", "ppk");
        await _s.ImportAsync("formations", "kode_formasi,jabatan,kode_unit,nama_unit,jenis,kuota,tahun,tahap\n" +
            "F-1,Guru,DISDIK,Dinas Pendidikan,guru,1,2024,1\nF-2,Perawat,DINKES,Dinas Kesehatan,nakes,1,2024,1\n");
        // Each unit's head confirms the renewals of their own unit only.
        var unitHead = await _s.PersonAsync("kepala_disdik", "unit-head", unitCode: "DISDIK");
        var dinkesHead = await _s.PersonAsync("kepala_dinkes", "unit-head", unitCode: "DINKES");

        var end = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(4);
        var tmt = end.AddYears(-1).AddDays(1);
        await _s.ImportAsync("employees", "ni_pppk,nik,nama,email,kode_unit,jabatan,golongan,masa_kerja,penilai,tmt,akhir_kontrak,nomor_sk,tanggal_sk,tanggal_spmt\n" +
            $"199001012024211101,6402011111900001,Rina Baik,rina@contoh.id,DISDIK,Guru,IX,2,kepala_disdik,{tmt:yyyy-MM-dd},{end:yyyy-MM-dd},800/1/2024,{tmt:yyyy-MM-dd},{tmt:yyyy-MM-dd}\n" +
            $"199001012024211102,6402011111900002,Sari Kurang,sari@contoh.id,DISDIK,Guru,IX,2,kepala_disdik,{tmt:yyyy-MM-dd},{end:yyyy-MM-dd},800/2/2024,{tmt:yyyy-MM-dd},{tmt:yyyy-MM-dd}\n" +
            $"199001012024211103,6402011111900003,Tono Anggaran,tono@contoh.id,DINKES,Perawat,VII,2,kepala_disdik,{tmt:yyyy-MM-dd},{end:yyyy-MM-dd},800/3/2024,{tmt:yyyy-MM-dd},{tmt:yyyy-MM-dd}\n");

        var fiscalYear = end.AddDays(1).Year;
        // The agency's figures and e-Kinerja's predicates come in as files, as a real deployment gets them.
        await _s.ImportAsync("evaluations", "nik,ni_pppk,tahun,periode,predikat,penilai,catatan\n" +
            $"6402011111900001,,{tmt.Year},tahunan,Baik,kepala_disdik,\n6402011111900002,,{tmt.Year},tahunan,Kurang,kepala_disdik,\n6402011111900003,,{tmt.Year},tahunan,Baik,kepala_disdik,\n");
        await _s.ImportAsync("budgets", $"kode_unit,tahun_anggaran,pagu_belanja_pegawai,terpakai\nDISDIK,{fiscalYear},2000000000,500000000\nDINKES,{fiscalYear},100000000,90000000\n");
        await _s.ImportAsync("fiscal-settings", $"tahun_anggaran,apbd,belanja_pegawai,batas_persen\n{fiscalYear},5000000000000,1200000000000,30\n");

        // The daily monitor (its recurring job) starts one renewal per contract in the lead window.
        await host.Host.Services.GetRequiredService<InstanceService>().StartByTimerAsync("pemantauan-kontrak", "harian", CancellationToken.None);
        var renewals = await RenewalsAsync(3);

        foreach (var (nik, id) in renewals)
        {
            await _s.CompleteAsync(nik == "6402011111900003" ? dinkesHead : unitHead, id, "kebutuhan", new { stillNeeded = true });
            if (nik == "6402011111900003")
            {
                var review = await _s.TaskAsync(id, "tinjau_fiskal");
                var detail = (await _s.Admin.GetFromJsonAsync<JsonObject>($"/api/tasks/{review["id"]}"))!;
                Assert.False((bool)detail["variables"]!["fiscalOk"]!);
                Assert.Contains("DINKES", (string?)detail["variables"]!["fiscalReason"]);
                await _s.CompleteAsync(finance, id, "tinjau_fiskal", new { fiscalOverride = true, fiscalOverrideReason = "Dialihkan dari pos belanja pegawai yang kosong" });
            }
            var decision = await _s.TaskAsync(id, "keputusan_ppk");
            var vars = (await _s.Admin.GetFromJsonAsync<JsonObject>($"/api/tasks/{decision["id"]}"))!["variables"]!;
            var recommended = (string?)vars["recommendation"];
            Assert.Equal(nik == "6402011111900002" ? "tidak diperpanjang" : "diperpanjang", recommended);
            await _s.CompleteAsync(ppk, id, "keputusan_ppk", new { renew = recommended == "diperpanjang", termYears = 2, decisionNotes = recommended == "diperpanjang" ? null : "Kinerja tahun terakhir Kurang" });
        }

        var renewedMail = await _s.EmailAsync("rina@contoh.id", "");
        Assert.Contains("diperpanjang", string.Join("", renewedMail.MessageParts.Select(p => p.BodyData)));
        var notice = await _s.EmailAsync("sari@contoh.id", "");
        var noticeBody = string.Join("", notice.MessageParts.Select(p => p.BodyData));
        Assert.Contains("tidak diperpanjang", noticeBody);
        Assert.Contains("Kinerja tahun terakhir Kurang", noticeBody);
        await _s.EmailAsync("tono@contoh.id", "");

        // Contracts: two renewed for 2 years from the day after the old end, one ended; every fiscal check kept with its inputs.
        var rows = await QueryAsync("""
            SELECT e.nik, c.status, c.tmt::text, c.end::text, (SELECT count(*) FROM pppk.fiscal_checks f WHERE f.contract_id = c.id)
            FROM pppk.contracts c JOIN pppk.employees e ON e.id = c.employee_id ORDER BY e.nik, c.tmt
            """);
        var expectedNewTmt = end.AddDays(1).ToString("yyyy-MM-dd");
        Assert.Contains(rows, r => r[0] == "6402011111900001" && r[1] == "renewed" && r[4] == "1");
        Assert.Contains(rows, r => r[0] == "6402011111900001" && r[1] == "active" && r[2] == expectedNewTmt && r[3] == end.AddYears(2).ToString("yyyy-MM-dd"));
        Assert.Contains(rows, r => r[0] == "6402011111900002" && r[1] == "ended");
        Assert.DoesNotContain(rows, r => r[0] == "6402011111900002" && r[1] == "active");
        Assert.Contains(rows, r => r[0] == "6402011111900003" && r[1] == "active" && r[2] == expectedNewTmt);
        var overrides = await QueryAsync("SELECT passed::text, overridden_by_finance::text, override_reason FROM pppk.fiscal_checks WHERE override_reason IS NOT NULL");
        Assert.Equal(["false", "true", "Dialihkan dari pos belanja pegawai yang kosong"], Assert.Single(overrides));
        var extensionSks = await QueryAsync("SELECT number FROM pppk.sks WHERE kind = 'perpanjangan' AND bkn_copy_noted_at IS NOT NULL");
        Assert.Equal(2, extensionSks.Count);

        // After the decision each case holds its document: the extension SK for a renewed contract, the written notice for the other.
        var byNik = renewals.ToDictionary(r => r.Nik, r => r.InstanceId);
        var extension = await CaseDocuments.TextAsync(host.ConnectionString, byNik["6402011111900001"], "sk-perpanjangan", "e2e-sk-perpanjangan");
        foreach (var expected in new[] { "Rina Baik", "199001012024211101", "800/1/2024", "2 (dua) tahun", "terhitung mulai tanggal " + IndonesianFormat.Date(end.AddDays(1)),
            "sampai dengan " + IndonesianFormat.Date(end.AddYears(2)), "berakhir pada tanggal " + IndonesianFormat.Date(end), "rupiah)" })
            Assert.Contains(expected, extension);
        Assert.Contains((await QueryAsync("SELECT number FROM pppk.sks s JOIN pppk.employees e ON e.id = s.employee_id WHERE e.nik = '6402011111900001' AND s.kind = 'perpanjangan'"))[0][0], extension);
        var noticeText = await CaseDocuments.TextAsync(host.ConnectionString, byNik["6402011111900002"], "pemberitahuan-tidak-diperpanjang", "e2e-pemberitahuan-tidak-diperpanjang");
        foreach (var expected in new[] { "Sari Kurang", "199001012024211102", "800/2/2024", "tidak diperpanjang dengan alasan: Kinerja tahun terakhir Kurang", "berakhir dengan hormat pada tanggal " + IndonesianFormat.Date(end) })
            Assert.Contains(expected, noticeText);
        Assert.Equal(["sk-perpanjangan"], await CaseDocuments.KindsAsync(host.ConnectionString, byNik["6402011111900003"]));
        Assert.Equal(["pemberitahuan-tidak-diperpanjang"], await CaseDocuments.KindsAsync(host.ConnectionString, byNik["6402011111900002"]));
        // Both are signed when made (the PPK decided before them) and reach the employee attached to the decision email.
        Assert.Equal(["3", "3"], Assert.Single(await QueryAsync("SELECT count(*), count(signed_at) FROM pppk.documents WHERE kind IN ('sk-perpanjangan', 'pemberitahuan-tidak-diperpanjang')")));
        foreach (var (mail, prefix) in new[] { (renewedMail, "sk-perpanjangan"), (notice, "pemberitahuan-tidak-diperpanjang") })
        {
            var attached = MimeKit.MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(mail.Data))).Attachments.OfType<MimeKit.MimePart>().ToList();
            Assert.StartsWith(prefix, Assert.Single(attached).FileName ?? "");
            Assert.Equal("application/pdf", attached[0].ContentType.MimeType);
        }

        // A second run of the monitor starts nothing new: the renewed contracts are no longer in the window's active set, the others run.
        await host.Host.Services.GetRequiredService<InstanceService>().StartByTimerAsync("pemantauan-kontrak", "harian", CancellationToken.None);
        await Task.Delay(2000);
        var all = (await _s.Admin.GetFromJsonAsync<JsonObject>("/api/instances?definitionKey=perpanjangan-kontrak&pageSize=50"))!;
        Assert.Equal(3, (int)all["total"]!);
    }

    private async Task<List<(string Nik, string InstanceId)>> RenewalsAsync(int expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var items = (await _s.Admin.GetFromJsonAsync<JsonObject>("/api/instances?definitionKey=perpanjangan-kontrak&pageSize=50"))!["items"]!.AsArray();
            if (items.Count >= expected)
            {
                var nikByContract = (await QueryAsync("SELECT c.id::text, e.nik FROM pppk.contracts c JOIN pppk.employees e ON e.id = c.employee_id")).ToDictionary(r => r[0], r => r[1]);
                return [.. items.Select(i => (nikByContract[(string)i!["businessKey"]!], (string)i["id"]!)).OrderBy(x => x.Item1)];
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Only {items.Count} renewals started.");
            await Task.Delay(200);
        }
    }

    private async Task<List<string[]>> QueryAsync(string sql)
    {
        await using var db = NpgsqlDataSource.Create(host.ConnectionString);
        await using var cmd = db.CreateCommand(sql);
        await using var r = await cmd.ExecuteReaderAsync();
        var rows = new List<string[]>();
        while (await r.ReadAsync()) rows.Add([.. Enumerable.Range(0, r.FieldCount).Select(i => r.IsDBNull(i) ? "" : Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!)]);
        return rows;
    }
}
