using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Pppk.Workflow.Testing;
using static Pppk.Workflow.Testing.Bpmn;

namespace Pppk.Workflow.Domain.Tests.EndToEnd;

/// <summary>
/// The PPPK rules as the DMN tables of workflows/ decide them: a new version of the renewal table changes the next
/// renewal's recommendation and the case's history names the rule that matched; a round with thresholds fails an
/// applicant below them, a round without does not.
/// </summary>
public sealed class DecisionRulesEndToEndTests(PppkEndToEndHost host) : IClassFixture<PppkEndToEndHost>
{
    private const string EmployeeHeader = "ni_pppk,nik,nama,email,kode_unit,jabatan,golongan,masa_kerja,penilai,tmt,akhir_kontrak,nomor_sk,tanggal_sk,tanggal_spmt";
    private readonly Scenario _s = new(host);

    [Fact]
    public async Task A_new_version_of_the_renewal_table_changes_the_next_recommendation_and_the_history_names_the_rule()
    {
        await _s.ImportAsync("formations", "kode_formasi,jabatan,kode_unit,nama_unit,jenis,kuota,tahun,tahap\nFR-1,Guru,UREK,Unit Rekomendasi,guru,2,2024,1\n");
        var head = await _s.PersonAsync("kepala_urek", "unit-head", unitCode: "UREK");
        var end = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(4);
        var tmt = end.AddYears(-1).AddDays(1);
        var fiscalYear = end.AddDays(1).Year;
        await _s.ImportAsync("employees", EmployeeHeader + "\n" +
            $"199001012024211401,6402014444900001,Putri Pertama,putri@contoh.id,UREK,Guru,IX,2,kepala_urek,{tmt:yyyy-MM-dd},{end:yyyy-MM-dd},800/R1/2024,{tmt:yyyy-MM-dd},{tmt:yyyy-MM-dd}\n" +
            $"199001012024211402,6402014444900002,Dedi Kedua,dedi@contoh.id,UREK,Guru,IX,2,kepala_urek,{tmt:yyyy-MM-dd},{end:yyyy-MM-dd},800/R2/2024,{tmt:yyyy-MM-dd},{tmt:yyyy-MM-dd}\n");
        await _s.ImportAsync("evaluations", "nik,ni_pppk,tahun,periode,predikat,penilai,catatan\n" +
            $"6402014444900001,,{tmt.Year},tahunan,Butuh Perbaikan,kepala_urek,\n6402014444900002,,{tmt.Year},tahunan,Butuh Perbaikan,kepala_urek,\n");
        await _s.ImportAsync("budgets", $"kode_unit,tahun_anggaran,pagu_belanja_pegawai,terpakai\nUREK,{fiscalYear},2000000000,500000000\n");
        await _s.ImportAsync("fiscal-settings", $"tahun_anggaran,apbd,belanja_pegawai,batas_persen\n{fiscalYear},5000000000000,1200000000000,30\n");
        var contracts = (await _s.Admin.GetFromJsonAsync<JsonObject>("/api/renewals?unitCode=UREK"))!["items"]!.AsArray();

        // The shipped table: Butuh Perbaikan, still needed, budget enough → renewed for a year (its rule 8).
        var first = await RecommendationAsync(head, contracts, "Putri Pertama");
        Assert.Equal("diperpanjang", (string?)first.Variables["recommendation"]);
        Assert.Equal(1, (int)first.Variables["termYears"]!);
        Assert.Equal("Predikat kinerja terakhir Butuh Perbaikan, unit masih membutuhkan jabatan ini, dan anggaran mencukupi.", (string?)first.Variables["recommendationReason"]);
        var firstRule = await MatchedRuleAsync(first.InstanceId);
        Assert.Equal(8, (int)firstRule["ruleIndex"]!);
        // The personnel cap the table compares with (its rule 5) is the fiscal year's, as imported: the number lives only there.
        Assert.Equal(30m, (decimal)first.Variables["batasBelanjaPegawai"]!);

        // HR tightens the rule: Butuh Perbaikan is no longer renewed (a rule put in before the renewals), deployed as a new version.
        var table = await File.ReadAllTextAsync(Path.Combine(WorkflowsFolder(), "rekomendasi-perpanjangan.dmn"));
        var stricter = table.Replace("""      <rule id="aturan-tidak-dibutuhkan">""", """
                  <rule id="aturan-butuh-perbaikan">
                    <description>Mulai tahun ini, predikat Butuh Perbaikan tidak diperpanjang.</description>
                    <inputEntry id="aturan-butuh-perbaikan-predikat"><text>"Butuh Perbaikan"</text></inputEntry>
                    <inputEntry id="aturan-butuh-perbaikan-kebutuhan"><text>-</text></inputEntry>
                    <inputEntry id="aturan-butuh-perbaikan-anggaran-unit"><text>-</text></inputEntry>
                    <inputEntry id="aturan-butuh-perbaikan-belanja-pegawai"><text>-</text></inputEntry>
                    <inputEntry id="aturan-butuh-perbaikan-persetujuan-keuangan"><text>-</text></inputEntry>
                    <outputEntry id="aturan-butuh-perbaikan-rekomendasi"><text>"tidak diperpanjang"</text></outputEntry>
                    <outputEntry id="aturan-butuh-perbaikan-masa"><text>null</text></outputEntry>
                    <outputEntry id="aturan-butuh-perbaikan-alasan"><text>"Predikat kinerja terakhir Butuh Perbaikan: tidak diperpanjang menurut kebijakan daerah."</text></outputEntry>
                  </rule>
                  <rule id="aturan-tidak-dibutuhkan">
            """, StringComparison.Ordinal);
        Assert.NotEqual(table, stricter);
        var deployed = await new WorkflowApiClient(_s.Admin).DeployRawAsync(stricter, "rekomendasi-perpanjangan.dmn");
        Assert.True(deployed.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, await deployed.Content.ReadAsStringAsync());

        var second = await RecommendationAsync(head, contracts, "Dedi Kedua");
        Assert.Equal("tidak diperpanjang", (string?)second.Variables["recommendation"]);
        Assert.Equal("Predikat kinerja terakhir Butuh Perbaikan: tidak diperpanjang menurut kebijakan daerah.", (string?)second.Variables["recommendationReason"]);
        var secondRule = await MatchedRuleAsync(second.InstanceId);
        Assert.Equal(3, (int)secondRule["ruleIndex"]!);
        Assert.Equal("Mulai tahun ini, predikat Butuh Perbaikan tidak diperpanjang.", (string?)secondRule["annotation"]);

        // The renewals list answers each row's recommendation with the same quote, for the unit head as for HR.
        foreach (var reader in new[] { _s.Admin, head })
        {
            var rows = (await reader.GetFromJsonAsync<JsonObject>("/api/renewals?unitCode=UREK"))!["items"]!.AsArray();
            var putri = rows.Single(x => (string?)x!["employee"]!["name"] == "Putri Pertama")!["recommendation"]!;
            Assert.Equal(first.InstanceId, (string?)putri["instanceId"]);
            Assert.Equal("diperpanjang", (string?)putri["value"]);
            Assert.Equal(1, (int)putri["version"]!);
            Assert.Equal("aturan 8 tabel Rekomendasi perpanjangan kontrak versi 1: Predikat kinerja terakhir Butuh Perbaikan, unit masih membutuhkan jabatan ini, dan anggaran mencukupi.",
                (string?)putri["rule"]);
            var dedi = rows.Single(x => (string?)x!["employee"]!["name"] == "Dedi Kedua")!["recommendation"]!;
            Assert.Equal((second.InstanceId, "tidak diperpanjang", 2, "Mulai tahun ini, predikat Butuh Perbaikan tidak diperpanjang."),
                ((string?)dedi["instanceId"], (string?)dedi["value"], (int)dedi["version"]!, (string?)dedi["annotation"]));
            Assert.StartsWith("aturan 3 tabel Rekomendasi perpanjangan kontrak versi 2: ", (string?)dedi["rule"], StringComparison.Ordinal);
        }
        // A verifier reads every contract but has no part in these cases: the rows come without them.
        var verifier = await _s.PersonAsync("verifikator_urek", "verifier");
        var seenByVerifier = (await verifier.GetFromJsonAsync<JsonObject>("/api/renewals?unitCode=UREK"))!["items"]!.AsArray();
        Assert.Equal(2, seenByVerifier.Count);
        Assert.All(seenByVerifier, r => Assert.Null(r!["recommendation"]));

        // The PPK follows it; the employee's written notice quotes the rule that decided.
        var ppk = await _s.PersonAsync("bupati_urek", "ppk");
        await _s.CompleteAsync(ppk, second.InstanceId, "keputusan_ppk", new { renew = false, termYears = 1 });
        var notice = await _s.EmailAsync("dedi@contoh.id", "");
        var body = string.Join("", notice.MessageParts.Select(p => p.BodyData));
        Assert.Contains("Predikat kinerja terakhir Butuh Perbaikan: tidak diperpanjang menurut kebijakan daerah.", body);
        Assert.Contains("aturan 3 tabel Rekomendasi perpanjangan kontrak versi 2", body);
    }

    [Fact]
    public async Task A_round_with_thresholds_fails_an_applicant_below_them_and_a_round_without_does_not()
    {
        await _s.ImportAsync("rounds", "tahun,tahap,nama,pendaftaran_mulai,pendaftaran_selesai,pengumuman_administrasi,sanggah_mulai,sanggah_selesai,jawaban_sanggah,cat_mulai,cat_selesai,pengumuman_mulai,pengumuman_selesai\n" +
            "2023,1,Seleksi PPPK Guru 2023,2023-09-20,2023-10-09,2023-10-20,2023-10-21,2023-10-23,2023-10-26,2023-11-01,2023-11-30,2023-12-15,2023-12-20\n" +
            "2024,1,Seleksi PPPK 2024,2024-10-01,2024-10-20,2024-10-30,2024-11-02,2024-11-04,2024-11-06,2024-12-02,2024-12-19,2024-12-24,2024-12-31\n");
        await _s.ImportAsync("formations", "kode_formasi,jabatan,kode_unit,nama_unit,jenis,kuota,tahun,tahap\n" +
            "FT-23,Guru Kelas,UAMBANG,Unit Ambang,guru,2,2023,1\nFT-24,Guru Kelas,UAMBANG,Unit Ambang,guru,2,2024,1\n");
        await _s.ImportAsync("applicants", "no_peserta,nik,nama,email,tanggal_lahir,kode_formasi,kategori_prioritas\n" +
            "23-01,6402010101900301,Ayu,ayu@contoh.id,1990-01-01,FT-23,2\n23-02,6402010101900302,Bayu,bayu@contoh.id,1990-01-02,FT-23,2\n23-03,6402010101900303,Cahya,cahya@contoh.id,1990-01-03,FT-23,2\n" +
            "24-01,6402010101900401,Ani,ani@contoh.id,1990-01-01,FT-24,2\n24-02,6402010101900402,Budi,budi@contoh.id,1990-01-02,FT-24,2\n24-03,6402010101900403,Citra,citra@contoh.id,1990-01-03,FT-24,2\n");
        // The best total in each formation has 110 in managerial + socio-cultural: under 2023's 117 for teachers; 2024 had no threshold.
        await _s.ImportAsync("scores", "no_peserta,nilai_teknis,nilai_manajerial_sosiokultural,nilai_wawancara\n" +
            "23-01,440,110,40\n23-02,300,150,30\n23-03,280,140,28\n24-01,440,110,40\n24-02,300,150,30\n24-03,280,140,28\n");
        var api = new WorkflowApiClient(_s.Admin);
        await api.DeployAsync(Chain("uji-verdikt-ambang", ServiceTask("verdikt", "pppk.record-verdict")));
        foreach (var reg in new[] { "23-01", "23-02", "23-03", "24-01", "24-02", "24-03" })
            await api.WaitForStatusAsync((string)(await api.StartAsync("uji-verdikt-ambang", new { registrationNumber = reg, verdict = "MS" }))["id"]!, "completed");

        var (with, withId) = await RankAsync("FT-23");
        Assert.Equal([("23-01", false), ("23-02", true), ("23-03", true)], with.Select(r => ((string)r!["registrationNumber"]!, (bool)r["passed"]!)));
        Assert.Equal("Nilai manajerial dan sosiokultural 110 di bawah ambang batas 117 (seleksi 2023, guru)", (string?)with[0]!["reason"]);
        var (without, _) = await RankAsync("FT-24");
        Assert.Equal([("24-01", true), ("24-02", true), ("24-03", false)], without.Select(r => ((string)r!["registrationNumber"]!, (bool)r["passed"]!)));

        // Each applicant's check is in the case's history with the rule that matched.
        var decisions = await DecisionsAsync(withId);
        Assert.Equal(3, decisions.Count(d => (string?)d!["decisionKey"] == "ambang-batas-seleksi"));
        Assert.Contains(decisions, d => Matched(d!).Any(r => (int)r!["ruleIndex"]! == 1));
        Assert.Equal("Seleksi PPPK Guru 2023", (string?)(await _s.Admin.GetFromJsonAsync<JsonObject>("/api/rounds/2023/1"))!["name"]);
    }

    private async Task<(JsonObject Variables, string InstanceId)> RecommendationAsync(HttpClient head, JsonArray renewals, string name)
    {
        var r = renewals.Single(x => (string?)x!["employee"]!["name"] == name)!;
        var contractId = (int)r["contractId"]!;
        var started = await _s.StartAsync("perpanjangan-kontrak", new
        {
            contractId, contractEnd = (string)r["end"]!, employeeId = (int)r["employee"]!["id"]!, employeeName = name, employeeEmail = name == "Dedi Kedua" ? "dedi@contoh.id" : "putri@contoh.id",
            unitCode = "UREK", termYears = 1,
        }, contractId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var id = (string)started["id"]!;
        await _s.CompleteAsync(head, id, "kebutuhan", new { stillNeeded = true });
        var decision = await _s.TaskAsync(id, "keputusan_ppk");
        return ((await _s.Admin.GetFromJsonAsync<JsonObject>($"/api/tasks/{decision["id"]}"))!["variables"]!.AsObject(), id);
    }

    private async Task<JsonArray> DecisionsAsync(string instanceId)
    {
        var body = (await _s.Admin.GetFromJsonAsync<JsonNode>($"/api/instances/{instanceId}/decisions"))!;
        return body is JsonArray list ? list : body["items"]!.AsArray();
    }

    /// <summary>The rules that matched in one recorded evaluation (its decision, not a required one).</summary>
    private static JsonArray Matched(JsonNode evaluation) =>
        evaluation["evaluatedDecisions"]!.AsArray().Single(d => (string?)d!["decisionKey"] == (string?)evaluation["decisionKey"])!["matchedRules"]!.AsArray();

    private async Task<JsonObject> MatchedRuleAsync(string instanceId)
    {
        var evaluation = (await DecisionsAsync(instanceId)).Single(d => (string?)d!["decisionKey"] == "rekomendasi-perpanjangan")!;
        return Assert.Single(Matched(evaluation))!.AsObject();
    }

    private async Task<(JsonArray Results, string InstanceId)> RankAsync(string formationCode)
    {
        var id = (string)(await _s.StartAsync("penetapan-kelulusan", new { formationCode }, "uji-" + formationCode))["id"]!;
        var instance = await _s.WaitForAsync(id, i => i["variables"]?["rankingResults"] is not null, "the formation ranked");
        return (instance["variables"]!["rankingResults"]!.AsArray(), id);
    }

    private static string WorkflowsFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, "workflows")) && File.Exists(Path.Combine(dir.FullName, "Pppk.Workflow.sln")))
                return Path.Combine(dir.FullName, "workflows");
        throw new DirectoryNotFoundException("No workflows folder above the test binaries.");
    }
}
