using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Pppk.Workflow.Domain.Tests.EndToEnd;

/// <summary>
/// A formation with quota 2 and five applicants, one of them TMS who appeals successfully; scores imported; the
/// formation ranked and announced; result emails; the two who passed go through SK issuance to a contract.
/// </summary>
public sealed class SelectionEndToEndTests(PppkEndToEndHost host) : IClassFixture<PppkEndToEndHost>
{
    private readonly Scenario _s = new(host);

    private static readonly (string Reg, string Nik, string Name, string Birth, int Priority, int Tech, int Ms, int Interview)[] Applicants =
    [
        ("24-0001", "6402010101900001", "Ahmad Fauzi", "1990-01-01", 2, 380, 150, 35),
        ("24-0002", "6402010202910002", "Budi Santoso", "1991-02-02", 2, 300, 140, 30),
        ("24-0003", "6402010303920003", "Citra Lestari", "1992-03-03", 2, 390, 160, 38), // TMS, appeals, wins
        ("24-0004", "6402010404930004", "Dewi Anggraini", "1993-04-04", 4, 420, 170, 40),
        ("24-0005", "6402010505940005", "Eko Prasetyo", "1994-05-05", 2, 250, 120, 25),
    ];

    private static string Email(string reg) => $"pelamar{reg[^4..]}@contoh.id";

    [Fact]
    public async Task Selection_of_a_formation_from_verification_to_contracts()
    {
        var verifier = await _s.PersonAsync("verifikator1", "verifier");
        var ppk = await _s.PersonAsync("bupati", "ppk");
        await _s.PersonAsync("admin2", "hr-admin", "bkpsdm@kukarkab.go.id");

        await _s.ImportAsync("formations", "kode_formasi,jabatan,kode_unit,nama_unit,jenis,kuota,tahun,tahap\nF-GURU-01,Guru Ahli Pertama - Matematika,DISDIK,Dinas Pendidikan,guru,2,2024,1\n");
        await _s.ImportAsync("applicants", "no_peserta,nik,nama,email,tanggal_lahir,kode_formasi,kategori_prioritas\n" +
            string.Join("\n", Applicants.Select(a => $"{a.Reg},{a.Nik},{a.Name},{Email(a.Reg)},{a.Birth},F-GURU-01,{a.Priority}")) + "\n");

        var instances = new Dictionary<string, string>();
        foreach (var a in Applicants)
        {
            var started = await _s.StartAsync("seleksi-pppk", new { registrationNumber = a.Reg, nik = a.Nik, name = a.Name, email = Email(a.Reg), formationCode = "F-GURU-01", year = 2024 }, a.Reg);
            instances[a.Reg] = (string)started["id"]!;
        }

        // Administrative check: Citra is TMS, the others MS.
        foreach (var a in Applicants)
        {
            var tms = a.Reg == "24-0003";
            await _s.CompleteAsync(verifier, instances[a.Reg], "verifikasi", tms ? new { verdict = "TMS", verdictReason = (string?)"Ijazah belum dilegalisasi" } : new { verdict = "MS", verdictReason = (string?)null });
        }
        var tmsEmail = await _s.EmailAsync(Email("24-0003"), "");
        Assert.Contains("Ijazah belum dilegalisasi", tmsEmail.MessageParts[0].BodyData + string.Join("", tmsEmail.MessageParts.Select(p => p.BodyData)));

        // The appeal arrives within the window and is accepted.
        await _s.PublishAsync("sanggah-diajukan", "24-0003", new { appealReason = "Legalisir sudah diunggah" });
        await _s.AttachAsync(verifier, instances["24-0003"], "jawab_sanggah", "jawaban-sanggah.pdf");
        await _s.CompleteAsync(verifier, instances["24-0003"], "jawab_sanggah", new { appealAccepted = true, appealAnswer = "Dokumen legalisir valid" });
        await _s.WaitForAsync(instances["24-0003"], i => Scenario.At(i, "nilai_cat"), "appeal accepted");

        // CAT scores are imported: each applicant's instance is told, and the formation, now complete, starts its
        // ranking by itself (message start of penetapan-kelulusan).
        await _s.ImportAsync("scores", "no_peserta,nilai_teknis,nilai_manajerial_sosiokultural,nilai_wawancara\n" +
            string.Join("\n", Applicants.Select(a => $"{a.Reg},{a.Tech},{a.Ms},{a.Interview}")) + "\n");
        var ranking = await RankingInstanceAsync("F-GURU-01");
        await _s.WaitForAsync(ranking, i => (string?)i["status"] == "completed", "ranking");

        // Priority 2 before priority 4, then the total: Citra (588) and Ahmad (565) pass.
        var ranked = await _s.Admin.GetFromJsonAsync<JsonObject>("/api/formations/F-GURU-01/ranking");
        Assert.Equal(["24-0003", "24-0001", "24-0002", "24-0005", "24-0004"], ranked!["items"]!.AsArray().Select(r => (string)r!["registrationNumber"]!));

        // The ranking announcement is stored with the ranking's case: every applicant with their scores, rank and result.
        var announcement = await CaseDocuments.TextAsync(host.ConnectionString, ranking, "pengumuman-peringkat", "e2e-pengumuman-peringkat");
        Assert.Contains("NOMOR F-GURU-01/PENG/BKPSDM/2024", announcement);
        Assert.Contains("formasi Guru Ahli Pertama - Matematika (F-GURU-01) pada Dinas Pendidikan dengan kebutuhan 2 orang", announcement);
        Assert.Contains("Jumlah peserta 5 orang; yang dinyatakan LULUS 2 orang.", announcement);
        foreach (var a in Applicants)
            Assert.Contains($"{a.Name} {a.Reg} {a.Tech} / {a.Ms} / {a.Interview} {a.Tech + a.Ms + a.Interview}", announcement);

        var lulus = await _s.EmailAsync(Email("24-0001"), "Hasil Seleksi PPPK 2024");
        Assert.Contains("LULUS", string.Join("", lulus.MessageParts.Select(p => p.BodyData)));
        var gagal = await _s.EmailAsync(Email("24-0004"), "");
        Assert.Contains("TIDAK LULUS", string.Join("", gagal.MessageParts.Select(p => p.BodyData)));
        await _s.WaitForAsync(instances["24-0004"], i => (string?)i["status"] == "completed", "not passed ends");

        // The two who passed go through SK issuance (called from their selection instance) to a contract.
        foreach (var (reg, nik, ni) in new[] { ("24-0003", "6402010303920003", "199203032024212001"), ("24-0001", "6402010101900001", "199001012024211002") })
        {
            var child = await ChildAsync(instances[reg]);
            await _s.CompleteAsync(_s.Admin, child, "drh", new { drhReceivedDate = "2025-01-10" });
            await _s.WaitForAsync(child, i => Scenario.At(i, "ni_terbit"), "waiting for the NI");
            await _s.PublishAsync("ni-terbit", nik, new { niPppk = ni });
            await _s.CompleteAsync(_s.Admin, child, "perjanjian", new { tmt = "2025-03-01", termYears = 1 });
            await _s.CompleteAsync(ppk, child, "tanda_tangan", new { skSigned = true });
            await _s.CompleteAsync(_s.Admin, child, "spmt", new { spmtDate = "2025-03-03" });
            await _s.WaitForAsync(instances[reg], i => (string?)i["status"] == "completed", "selection completes after SK issuance");
            var skMail = await _s.EmailAsync(Email(reg), "SK Pengangkatan");
            var body = string.Join("", skMail.MessageParts.Select(p => p.BodyData));
            Assert.Contains(ni, body);
            Assert.Contains("1 Maret 2025", body); // TMT in Indonesian
        }

        var employees = (await _s.Admin.GetFromJsonAsync<JsonObject>("/api/employees?pageSize=50"))!["items"]!.AsArray();
        Assert.Equal(2, employees.Count);
        foreach (var e in employees)
        {
            var profile = (await _s.Admin.GetFromJsonAsync<JsonObject>($"/api/employees/{e!["id"]}"))!;
            var contract = Assert.Single(profile["contracts"]!.AsArray())!;
            Assert.Equal("2025-03-01", (string?)contract["tmt"]);
            Assert.Equal("2026-02-28", (string?)contract["end"]);
            Assert.Equal("2025-03-03", (string?)contract["spmtDate"]);
            Assert.Single(profile["sks"]!.AsArray());
            // The profile lists what the employee was told: the selection result and the SK.
            Assert.Contains(profile["emails"]!.AsArray(), m => (string?)m!["template"] == "sk-terbit");
        }
        // Each applicant got exactly one result email; Citra also got the TMS one.
        Assert.Equal(2, _s.EmailsTo(Email("24-0004")) + _s.EmailsTo(Email("24-0005")));
    }

    private async Task<string> RankingInstanceAsync(string formationCode)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var list = (await _s.Admin.GetFromJsonAsync<JsonObject>($"/api/instances?definitionKey=penetapan-kelulusan&businessKey={formationCode}"))!["items"]!.AsArray();
            if (list.Count > 0) return (string)Assert.Single(list)!["id"]!;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The ranking of {formationCode} never started after the score import.");
            await Task.Delay(150);
        }
    }

    private async Task<string> ChildAsync(string parentId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var list = (await _s.Admin.GetFromJsonAsync<JsonObject>("/api/instances?definitionKey=penerbitan-sk&pageSize=100"))!["items"]!.AsArray();
            if (list.FirstOrDefault(i => (string?)i!["parentInstanceId"] == parentId) is JsonObject child) return (string)child["id"]!;
            if (DateTime.UtcNow > deadline)
            {
                var parent = await _s.InstanceAsync(parentId);
                throw new TimeoutException($"No SK issuance for {parentId}: {parent["status"]} at {parent["activeElementIds"]?.ToJsonString()}");
            }
            await Task.Delay(150);
        }
    }
}
