using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Pppk.Workflow.Domain.Tests.EndToEnd;

/// <summary>
/// A formation with quota 1 ranked through the selection workflows; its database honorer who did not pass are listed as
/// part-time candidates, proposed by one API call, and one goes through the BKPSDM decision, NI, SK and the part-time
/// contract to the SK email while the other is not proposed.
/// </summary>
public sealed class PartTimeEndToEndTests(PppkEndToEndHost host) : IClassFixture<PppkEndToEndHost>
{
    private readonly Scenario _s = new(host);

    // Category 1 ranks before category 2, which ranks before 4: 24-2001 passes; 24-2002 (cat. 1) and 24-2003 (cat. 2) are candidates.
    private static readonly (string Reg, string Nik, string Name, string Birth, int Priority, int Tech, int Ms, int Interview)[] Applicants =
    [
        ("24-2001", "6402020101850001", "Fitri Handayani", "1985-01-01", 1, 400, 150, 35),
        ("24-2002", "6402020202860002", "Gusti Rahman", "1986-02-02", 1, 300, 140, 30),
        ("24-2003", "6402020303870003", "Hendra Wijaya", "1987-03-03", 2, 420, 170, 40),
        ("24-2004", "6402020404880004", "Indah Permata", "1988-04-04", 4, 430, 170, 40),
    ];

    private static string Email(string reg) => $"honorer{reg[^4..]}@contoh.id";

    [Fact]
    public async Task A_part_time_proposal_from_a_ranked_formation_to_its_SK()
    {
        var verifier = await _s.PersonAsync("verifikator_pw", "verifier");
        var ppk = await _s.PersonAsync("bupati_pw", "ppk");

        await _s.ImportAsync("formations", "kode_formasi,jabatan,kode_unit,nama_unit,jenis,kuota,tahun,tahap\nF-PW-01,Pengelola Layanan Operasional,DINKES,Dinas Kesehatan,teknis,1,2024,1\n");
        await _s.ImportAsync("applicants", "no_peserta,nik,nama,email,tanggal_lahir,kode_formasi,kategori_prioritas\n" +
            string.Join("\n", Applicants.Select(a => $"{a.Reg},{a.Nik},{a.Name},{Email(a.Reg)},{a.Birth},F-PW-01,{a.Priority}")) + "\n");
        var selection = new Dictionary<string, string>();
        foreach (var a in Applicants)
            selection[a.Reg] = (string)(await _s.StartAsync("seleksi-pppk", new { registrationNumber = a.Reg, nik = a.Nik, name = a.Name, email = Email(a.Reg), formationCode = "F-PW-01", year = 2024 }, a.Reg))["id"]!;
        foreach (var a in Applicants)
            await _s.CompleteAsync(verifier, selection[a.Reg], "verifikasi", new { verdict = "MS", verdictReason = (string?)null });
        foreach (var a in Applicants) await _s.WaitForAsync(selection[a.Reg], i => Scenario.At(i, "nilai_cat"), "waiting for scores");

        // The scores complete the formation, which ranks itself; those who did not pass are told and their selection ends.
        await _s.ImportAsync("scores", "no_peserta,nilai_teknis,nilai_manajerial_sosiokultural,nilai_wawancara\n" +
            string.Join("\n", Applicants.Select(a => $"{a.Reg},{a.Tech},{a.Ms},{a.Interview}")) + "\n");
        foreach (var reg in new[] { "24-2002", "24-2003", "24-2004" })
            await _s.WaitForAsync(selection[reg], i => (string?)i["status"] == "completed", "not passed ends");

        var candidates = (await _s.Admin.GetFromJsonAsync<JsonObject>("/api/part-time/candidates?formationCode=F-PW-01"))!["items"]!.AsArray();
        Assert.Equal(["24-2002", "24-2003"], candidates.Select(c => (string)c!["registrationNumber"]!));
        Assert.Equal("Eks THK-II (kategori 1), peringkat 2 dari 4, tidak lulus (kuota 1)", (string?)candidates[0]!["reason"]);
        Assert.All(candidates, c => Assert.Null(c!["proposal"]));

        var proposed = await _s.Admin.PostAsJsonAsync("/api/part-time/proposals", new { formationCode = "F-PW-01" });
        var result = (await proposed.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True(proposed.IsSuccessStatusCode, result.ToJsonString());
        Assert.Equal(2, (int)result["started"]!);
        var approved = await ProposalAsync("24-2002");
        var declined = await ProposalAsync("24-2003");

        // BKPSDM proposes one and not the other.
        await _s.CompleteAsync(_s.Admin, declined, "keputusan_bkpsdm", new { partTimeApproved = false, decisionNotes = "Formasi paruh waktu unit sudah terpenuhi" });
        await _s.WaitForAsync(declined, i => (string?)i["status"] == "completed", "a declined proposal ends");
        await _s.CompleteAsync(_s.Admin, approved, "keputusan_bkpsdm", new { partTimeApproved = true, decisionNotes = (string?)null });

        // NI from BKN, the SK numbered and signed, the part-time contract.
        await _s.WaitForAsync(approved, i => Scenario.At(i, "ni_terbit"), "waiting for the NI");
        await _s.PublishAsync("ni-terbit", "6402020202860002", new { niPppk = "198602022025211001" });
        await _s.CompleteAsync(ppk, approved, "tanda_tangan", new { skSigned = true });
        await _s.CompleteAsync(_s.Admin, approved, "perjanjian", new { tmt = "2025-10-01", termYears = 1, weeklyHours = 24, payBasis = "ump" });
        var done = await _s.WaitForAsync(approved, i => (string?)i["status"] == "completed", "the proposal ends with the SK sent");

        var skNumber = (string)done["variables"]!["skNumber"]!;
        var mail = await _s.EmailAsync(Email("24-2002"), "SK Pengangkatan PPPK Paruh Waktu");
        var body = string.Join("", mail.MessageParts.Select(p => p.BodyData));
        Assert.Contains(skNumber, mail.Subject);
        foreach (var expected in new[] { "198602022025211001", "24 jam per minggu", "upah minimum (UMP/UMK)", "1 Oktober 2025", "30 September 2026", "PPPK paruh waktu" })
            Assert.Contains(expected, body);

        // The part-time SK is stored with the case.
        var partTimeSk = await CaseDocuments.TextAsync(host.ConnectionString, approved, "sk-paruh-waktu", "e2e-sk-paruh-waktu");
        foreach (var expected in new[] { "NOMOR " + skNumber, "Gusti Rahman", "198602022025211001", "24 jam per minggu", "upah minimum (UMP/UMK)", "terhitung mulai tanggal 1 Oktober 2025 sampai dengan 30 September 2026" })
            Assert.Contains(expected, partTimeSk);
        // Signed when made (BKPSDM decided and the PPK signed before it) and attached to the employee's email.
        var attached = MimeKit.MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(mail.Data))).Attachments.OfType<MimeKit.MimePart>().ToList();
        Assert.StartsWith("sk-paruh-waktu-", Assert.Single(attached).FileName ?? "");

        var employees = (await _s.Admin.GetFromJsonAsync<JsonObject>("/api/employees?search=6402020202860002"))!["items"]!.AsArray();
        var profile = (await _s.Admin.GetFromJsonAsync<JsonObject>($"/api/employees/{Assert.Single(employees)!["id"]}"))!;
        Assert.Equal(("198602022025211001", "DINKES"), ((string?)profile["niPppk"], (string?)profile["unitCode"]));
        var contract = Assert.Single(profile["contracts"]!.AsArray())!;
        Assert.Equal((true, 24, "ump", "2025-10-01", "2026-09-30", skNumber), ((bool)contract["partTime"]!, (int)contract["weeklyHours"]!, (string?)contract["payBasis"],
            (string?)contract["tmt"], (string?)contract["end"], (string?)contract["skNumber"]));
        var sk = Assert.Single(profile["sks"]!.AsArray())!;
        Assert.Equal((skNumber, "pengangkatan"), ((string?)sk["number"], (string?)sk["kind"]));
        Assert.Contains(profile["emails"]!.AsArray(), m => (string?)m!["template"] == "sk-paruh-waktu");
        Assert.Empty((await _s.Admin.GetFromJsonAsync<JsonObject>("/api/employees?search=6402020303870003"))!["items"]!.AsArray());

        // Both proposals are decided: listed as such, and not started again.
        var after = (await _s.Admin.GetFromJsonAsync<JsonObject>("/api/part-time/candidates?formationCode=F-PW-01"))!["items"]!.AsArray();
        Assert.Equal([("completed", true), ("completed", false)], after.Select(c => ((string?)c!["proposal"], c["employeeId"] is not null)));
        var again = (await (await _s.Admin.PostAsJsonAsync("/api/part-time/proposals", new { formationCode = "F-PW-01" })).Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal((1, 0), ((int)again["candidates"]!, (int)again["started"]!));
    }

    private async Task<string> ProposalAsync(string registrationNumber)
    {
        var list = (await _s.Admin.GetFromJsonAsync<JsonObject>($"/api/instances?definitionKey=usulan-paruh-waktu&businessKey={registrationNumber}"))!["items"]!.AsArray();
        return (string)Assert.Single(list)!["id"]!;
    }
}
