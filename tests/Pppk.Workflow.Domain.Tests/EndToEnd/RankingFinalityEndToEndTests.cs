using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Npgsql;

namespace Pppk.Workflow.Domain.Tests.EndToEnd;

/// <summary>
/// Issue 14: a formation is ranked only when every applicant is MS with scores or finally TMS; a ranking whose eligible
/// scores change is re-ranked, and the applicants whose result changed get a correction (email with the reason, SK
/// issuance started for the one who now passes, a task for hr-admin naming the one whose SK issuance is under way on a
/// result that no longer holds). Announcements carry the round's year, not the current one (no start variable 'year').
/// </summary>
public sealed class RankingFinalityEndToEndTests(PppkEndToEndHost host) : IClassFixture<PppkEndToEndHost>
{
    private readonly Scenario _s = new(host);

    private static string Email(string reg) => $"p{reg.Replace("-", "")}@contoh.id";

    private async Task<Dictionary<string, string>> ApplyAsync(string formation, string formationRow, (string Reg, string Nik, string Name, int Priority)[] applicants, string? appealWindow = null)
    {
        await _s.ImportAsync("formations", "kode_formasi,jabatan,kode_unit,nama_unit,jenis,kuota,tahun,tahap\n" + formationRow + "\n");
        await _s.ImportAsync("applicants", "no_peserta,nik,nama,email,tanggal_lahir,kode_formasi,kategori_prioritas\n" +
            string.Join("\n", applicants.Select(a => $"{a.Reg},{a.Nik},{a.Name},{Email(a.Reg)},1990-01-01,{formation},{a.Priority}")) + "\n");
        var instances = new Dictionary<string, string>();
        foreach (var a in applicants)
        {
            object variables = appealWindow is null
                ? new { registrationNumber = a.Reg, nik = a.Nik, name = a.Name, email = Email(a.Reg), formationCode = formation }
                : new { registrationNumber = a.Reg, nik = a.Nik, name = a.Name, email = Email(a.Reg), formationCode = formation, appealWindow };
            instances[a.Reg] = (string)(await _s.StartAsync("seleksi-pppk", variables, a.Reg))["id"]!;
        }
        return instances;
    }

    private async Task ImportScoresAsync(params (string Reg, int Tech, int Ms, int Interview)[] scores)
    {
        var before = await ScoreJobsDoneAsync();
        await _s.ImportAsync("scores", "no_peserta,nilai_teknis,nilai_manajerial_sosiokultural,nilai_wawancara\n" +
            string.Join("\n", scores.Select(x => $"{x.Reg},{x.Tech},{x.Ms},{x.Interview}")) + "\n");
        // The notification job (scores to instances, complete formations to their ranking) has run to its end.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await ScoreJobsDoneAsync() <= before)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The CAT score notification job did not finish.");
            await Task.Delay(150);
        }
    }

    private async Task<long> ScoreJobsDoneAsync()
    {
        await using var data = NpgsqlDataSource.Create(host.ConnectionString);
        await using var cmd = data.CreateCommand("SELECT count(*) FROM hangfire.job WHERE invocationdata::text LIKE '%ScoreNotifications%' AND statename = 'Succeeded'");
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    private async Task<JsonArray> RankingInstancesAsync(string formation) =>
        (await _s.Admin.GetFromJsonAsync<JsonObject>($"/api/instances?definitionKey=penetapan-kelulusan&businessKey={formation}"))!["items"]!.AsArray();

    private async Task<string> RankingInstanceAsync(string formation, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var list = await RankingInstancesAsync(formation);
            if (list.Count >= count) return (string)list.OrderByDescending(i => (string?)i!["startedAt"]).First()!["id"]!;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Ranking {count} of {formation} never started ({list.Count} so far).");
            await Task.Delay(150);
        }
    }

    private async Task<JsonObject> RankingAsync(string formation) => (await _s.Admin.GetFromJsonAsync<JsonObject>($"/api/formations/{formation}/ranking"))!;

    private static string Body(netDumbster.smtp.SmtpMessage m) => string.Join("", m.MessageParts.Select(p => p.BodyData));

    [Fact]
    public async Task A_pending_appeal_holds_the_ranking_until_it_is_answered_and_the_appellant_takes_their_rightful_place()
    {
        var verifier = await _s.PersonAsync("verifikator_rf", "verifier");
        const string formation = "F-RF-01";
        (string Reg, string Nik, string Name, int Priority)[] applicants =
        [
            ("25-0001", "6402010101900101", "Arif Hidayat", 2),   // 565
            ("25-0002", "6402010101900102", "Bayu Saputra", 2),   // 450
            ("25-0003", "6402010101900103", "Cahya Putri", 2),    // 545, TMS, appeals
            ("25-0004", "6402010101900104", "Dina Marlina", 4),   // 600, priority 4
        ];
        // Round 2023 while the clock says otherwise: every announcement must say 2023 (no start variable 'year').
        var instances = await ApplyAsync(formation, $"{formation},Guru Ahli Pertama - IPA,DISDIK,Dinas Pendidikan,guru,2,2023,1", applicants);
        foreach (var a in applicants)
            await _s.CompleteAsync(verifier, instances[a.Reg], "verifikasi", a.Reg == "25-0003"
                ? new { verdict = "TMS", verdictReason = (string?)"Sertifikat pendidik tidak terbaca" }
                : new { verdict = "MS", verdictReason = (string?)null });
        var tms = await _s.EmailAsync(Email("25-0003"), "Administrasi");
        Assert.Contains("2023", tms.Subject);

        await _s.PublishAsync("sanggah-diajukan", "25-0003", new { appealReason = "Sertifikat diunggah ulang" });
        await _s.TaskAsync(instances["25-0003"], "jawab_sanggah");

        // The first scores arrive while the appeal is pending: nobody is ranked.
        await ImportScoresAsync(("25-0001", 380, 150, 35), ("25-0002", 300, 120, 30), ("25-0004", 400, 160, 40));
        foreach (var reg in new[] { "25-0001", "25-0002", "25-0004" })
            await _s.WaitForAsync(instances[reg], i => Scenario.At(i, "hasil_peringkat"), "scores taken");
        Assert.Empty(await RankingInstancesAsync(formation));
        Assert.False((bool)(await RankingAsync(formation))["final"]!);
        var status = (await _s.Admin.GetFromJsonAsync<JsonObject>($"/api/formations/{formation}"))!["ranking"]!;
        Assert.False((bool)status["ranked"]!);
        Assert.Equal(1, (int)status["waitingFor"]!["appeal-pending"]!);
        var waiting = Assert.Single(status["waiting"]!.AsArray())!;
        Assert.Equal(("25-0003", "appeal-pending"), ((string)waiting["registrationNumber"]!, (string)waiting["waitingFor"]!));
        Assert.Equal("appeal-pending", (string?)(await _s.Admin.GetFromJsonAsync<JsonObject>("/api/applicants/25-0003"))!["rankingWaitsFor"]);
        Assert.Equal("formation", (string?)(await _s.Admin.GetFromJsonAsync<JsonObject>("/api/applicants/25-0001"))!["rankingWaitsFor"]);

        // Accepted: now MS, still waiting for their scores.
        await _s.AttachAsync(verifier, instances["25-0003"], "jawab_sanggah", "jawaban-sanggah.pdf");
        await _s.CompleteAsync(verifier, instances["25-0003"], "jawab_sanggah", new { appealAccepted = true, appealAnswer = "Sertifikat valid" });
        await _s.WaitForAsync(instances["25-0003"], i => Scenario.At(i, "nilai_cat"), "appeal accepted");
        status = (await _s.Admin.GetFromJsonAsync<JsonObject>($"/api/formations/{formation}"))!["ranking"]!;
        Assert.Equal(1, (int)status["waitingFor"]!["scores"]!);
        Assert.Equal("scores", (string?)(await _s.Admin.GetFromJsonAsync<JsonObject>("/api/applicants/25-0003"))!["rankingWaitsFor"]);
        Assert.Empty(await RankingInstancesAsync(formation));

        // Their scores arrive: the formation is complete and ranked once, with the appellant in second place.
        await ImportScoresAsync(("25-0003", 370, 140, 35));
        var ranking = await RankingInstanceAsync(formation, 1);
        await _s.WaitForAsync(ranking, i => (string?)i["status"] == "completed", "ranking");
        var ranked = await RankingAsync(formation);
        Assert.True((bool)ranked["final"]!);
        Assert.Equal(["25-0001", "25-0003", "25-0002", "25-0004"], ranked["items"]!.AsArray().Select(r => (string)r!["registrationNumber"]!));
        Assert.Equal([true, true, false, false], ranked["items"]!.AsArray().Select(r => (bool)r!["passed"]!));

        var lulus = await _s.EmailAsync(Email("25-0003"), "Hasil Seleksi PPPK 2023: LULUS");
        Assert.Contains("tahun 2023", Body(lulus));
        await _s.EmailAsync(Email("25-0002"), "Hasil Seleksi PPPK 2023: TIDAK LULUS");
        // Nobody without a result: every instance took its result.
        await _s.WaitForAsync(instances["25-0002"], i => (string?)i["status"] == "completed", "not passed ends");
        await _s.WaitForAsync(instances["25-0004"], i => (string?)i["status"] == "completed", "not passed ends");
        foreach (var reg in new[] { "25-0001", "25-0003" })
            await _s.WaitForAsync(instances[reg], i => Scenario.At(i, "penerbitan_sk"), "passed goes to SK issuance");
        Assert.Single(await RankingInstancesAsync(formation));
    }

    [Fact]
    public async Task A_corrected_score_after_the_announcement_re_ranks_the_formation_and_corrects_the_changed_results()
    {
        var verifier = await _s.PersonAsync("verifikator_rf2", "verifier");
        await _s.PersonAsync("admin_rf2", "hr-admin", "bkpsdm-rf@kukarkab.go.id");
        const string formation = "F-RF-02";
        (string Reg, string Nik, string Name, int Priority)[] applicants =
        [
            ("26-0001", "6402010101900201", "Putri Ayu", 2),
            ("26-0002", "6402010101900202", "Qori Rahman", 2),
            ("26-0003", "6402010101900203", "Rudi Hartono", 2), // TMS, lets the appeal window pass
        ];
        var instances = await ApplyAsync(formation, $"{formation},Perawat Ahli Pertama,DINKES,Dinas Kesehatan,nakes,1,2024,2", applicants, appealWindow: "PT1S");
        foreach (var a in applicants)
            await _s.CompleteAsync(verifier, instances[a.Reg], "verifikasi", a.Reg == "26-0003"
                ? new { verdict = "TMS", verdictReason = (string?)"STR tidak berlaku" }
                : new { verdict = "MS", verdictReason = (string?)null });
        await _s.WaitForAsync(instances["26-0003"], i => (string?)i["status"] == "completed", "appeal window closes");
        var rudi = (await _s.Admin.GetFromJsonAsync<JsonObject>("/api/applicants/26-0003"))!;
        Assert.NotNull(rudi["finalIneligibleAt"]);
        Assert.Null(rudi["rankingWaitsFor"]);

        await ImportScoresAsync(("26-0001", 320, 145, 35), ("26-0002", 310, 140, 30));
        var first = await RankingInstanceAsync(formation, 1);
        await _s.WaitForAsync(first, i => (string?)i["status"] == "completed", "first ranking");
        await _s.EmailAsync(Email("26-0001"), "Hasil Seleksi PPPK 2024: LULUS");
        await _s.EmailAsync(Email("26-0002"), "Hasil Seleksi PPPK 2024: TIDAK LULUS");
        await _s.WaitForAsync(instances["26-0001"], i => Scenario.At(i, "penerbitan_sk"), "Putri's SK issuance under way");
        await _s.WaitForAsync(instances["26-0002"], i => (string?)i["status"] == "completed", "Qori told TIDAK LULUS");

        // BKN corrects Qori's technical score: 340 instead of 310; Qori now ranks first.
        await ImportScoresAsync(("26-0001", 320, 145, 35), ("26-0002", 340, 140, 30));
        var second = await RankingInstanceAsync(formation, 2);
        Assert.NotEqual(first, second);
        var ranked = await RankingAsync(formation);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((string?)ranked["items"]![0]!["registrationNumber"] != "26-0002" && DateTime.UtcNow < deadline)
        {
            await Task.Delay(150);
            ranked = await RankingAsync(formation);
        }
        Assert.Equal(["26-0002", "26-0001"], ranked["items"]!.AsArray().Select(r => (string)r!["registrationNumber"]!));
        Assert.Equal([true, false], ranked["items"]!.AsArray().Select(r => (bool)r!["passed"]!));

        // Both get a correction naming the reason and the round's year.
        var promoted = await _s.EmailAsync(Email("26-0002"), "Koreksi Hasil Seleksi PPPK 2024: LULUS");
        Assert.Contains("nilai CAT 1 pelamar dikoreksi", Body(promoted));
        Assert.Contains("Hasil sebelumnya: TIDAK LULUS", Body(promoted));
        var displaced = await _s.EmailAsync(Email("26-0001"), "Koreksi Hasil Seleksi PPPK 2024: TIDAK LULUS");
        Assert.Contains("nilai CAT 1 pelamar dikoreksi", Body(displaced));
        Assert.Contains("tidak berlaku lagi", Body(displaced));

        // Qori's SK issuance starts (their selection instance had ended on TIDAK LULUS).
        var sk = (await _s.Admin.GetFromJsonAsync<JsonObject>("/api/instances?definitionKey=penerbitan-sk&businessKey=26-0002"))!["items"]!.AsArray();
        var qoriSk = (string)Assert.Single(sk)!["id"]!;
        await _s.TaskAsync(qoriSk, "drh");

        // Putri's SK issuance is under way on a LULUS that no longer holds: a task for hr-admin names her.
        var task = await _s.TaskAsync(second, "tindak_lanjut_koreksi");
        var view = (await _s.Admin.GetFromJsonAsync<JsonObject>($"/api/tasks/{task["id"]}"))!;
        Assert.Contains("26-0001 Putri Ayu", (string?)view["variables"]!["displacedSummary"]);
        Assert.Contains("hr-admin", task["candidateGroups"]!.AsArray().Select(g => (string?)g));
        await _s.CompleteAsync(_s.Admin, second, "tindak_lanjut_koreksi", new { followUpNote = "Penerbitan SK dihentikan" });
        await _s.WaitForAsync(second, i => (string?)i["status"] == "completed", "correction done");
        var report = await _s.EmailAsync("bkpsdm-rf@kukarkab.go.id", "Koreksi hasil peringkat formasi F-RF-02");
        Assert.Contains("nilai CAT 1 pelamar dikoreksi", Body(report));

        // Each got exactly one result and one correction; the unchanged formation is not ranked a third time.
        Assert.Equal(2, _s.EmailsTo(Email("26-0002")));
        Assert.Equal(2, _s.EmailsTo(Email("26-0001")));
        await ImportScoresAsync(("26-0001", 320, 145, 35), ("26-0002", 340, 140, 30));
        Assert.Equal(2, (await RankingInstancesAsync(formation)).Count);
    }

    [Fact]
    public async Task An_appeal_accepted_after_the_announcement_re_ranks_the_formation_with_a_correction_for_the_displaced()
    {
        var verifier = await _s.PersonAsync("verifikator_rf3", "verifier");
        await _s.PersonAsync("admin_rf3", "hr-admin", "bkpsdm-rf3@kukarkab.go.id");
        const string formation = "F-RF-03";
        (string Reg, string Nik, string Name, int Priority)[] applicants =
        [
            ("27-0001", "6402010101900301", "Sari Wulandari", 2),  // 450
            ("27-0002", "6402010101900302", "Teguh Santoso", 2),   // 545, TMS; BKN accepts the appeal after the announcement
        ];
        var instances = await ApplyAsync(formation, $"{formation},Penata Layanan Operasional,DISHUB,Dinas Perhubungan,teknis,1,2024,1", applicants, appealWindow: "PT1S");
        await _s.CompleteAsync(verifier, instances["27-0001"], "verifikasi", new { verdict = "MS", verdictReason = (string?)null });
        await _s.CompleteAsync(verifier, instances["27-0002"], "verifikasi", new { verdict = "TMS", verdictReason = (string?)"Ijazah tidak sesuai" });
        await _s.WaitForAsync(instances["27-0002"], i => (string?)i["status"] == "completed", "appeal window closes");
        await ImportScoresAsync(("27-0001", 300, 120, 30));
        var first = await RankingInstanceAsync(formation, 1);
        await _s.WaitForAsync(first, i => (string?)i["status"] == "completed", "first ranking");
        await _s.EmailAsync(Email("27-0001"), "Hasil Seleksi PPPK 2024: LULUS");
        await _s.WaitForAsync(instances["27-0001"], i => Scenario.At(i, "penerbitan_sk"), "Sari's SK issuance under way");

        // The appeal is accepted late (BKN's decision): hr-admin verifies Teguh again in a new selection instance.
        var again = (string)(await _s.StartAsync("seleksi-pppk", new
        {
            registrationNumber = "27-0002", nik = "6402010101900302", name = "Teguh Santoso", email = Email("27-0002"), formationCode = formation,
        }, "27-0002"))["id"]!;
        await _s.CompleteAsync(verifier, again, "verifikasi", new { verdict = "MS", verdictReason = (string?)null });
        await _s.WaitForAsync(again, i => Scenario.At(i, "nilai_cat"), "eligible now");
        // The announced ranking stands while his scores are missing, and hr-admin sees why.
        Assert.Equal("scores", (string?)(await _s.Admin.GetFromJsonAsync<JsonObject>("/api/applicants/27-0002"))!["rankingWaitsFor"]);
        Assert.Single(await RankingInstancesAsync(formation));

        await ImportScoresAsync(("27-0002", 370, 140, 35));
        var second = await RankingInstanceAsync(formation, 2);
        await _s.WaitForAsync(again, i => Scenario.At(i, "penerbitan_sk"), "Teguh passes in his rightful place");
        var ranked = await RankingAsync(formation);
        Assert.Equal(["27-0002", "27-0001"], ranked["items"]!.AsArray().Select(r => (string)r!["registrationNumber"]!));
        Assert.Equal([true, false], ranked["items"]!.AsArray().Select(r => (bool)r!["passed"]!));
        await _s.EmailAsync(Email("27-0002"), "Hasil Seleksi PPPK 2024: LULUS");
        var correction = await _s.EmailAsync(Email("27-0001"), "Koreksi Hasil Seleksi PPPK 2024: TIDAK LULUS");
        Assert.Contains("sanggahnya diterima setelah pengumuman", Body(correction));
        var task = await _s.TaskAsync(second, "tindak_lanjut_koreksi");
        var view = (await _s.Admin.GetFromJsonAsync<JsonObject>($"/api/tasks/{task["id"]}"))!;
        Assert.Contains("27-0001 Sari Wulandari", (string?)view["variables"]!["displacedSummary"]);
        // Nobody without a result.
        Assert.All(ranked["items"]!.AsArray(), r => Assert.NotNull(r!["rank"]));
        Assert.Null((await _s.Admin.GetFromJsonAsync<JsonObject>("/api/applicants/27-0002"))!["rankingWaitsFor"]);
    }
}
