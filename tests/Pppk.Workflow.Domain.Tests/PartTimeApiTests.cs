using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;

namespace Pppk.Workflow.Domain.Tests;

/// <summary>
/// <c>/api/part-time</c>: only hr-admin lists candidates and starts proposals; a proposal needs a ranked formation and
/// names the applicants who are not candidates; each candidate is proposed once.
/// </summary>
public sealed class PartTimeApiTests(DomainTestHost host) : IClassFixture<DomainTestHost>
{
    // Quota 1: PT-0002 (category 1) passes; PT-0001 (category 1) and PT-0003 (category 2) are candidates; PT-0004 (category 4) is not.
    private static readonly (string Reg, int Category, int Rank, bool Passed)[] Ranked =
        [("PT-0002", 1, 1, true), ("PT-0001", 1, 2, false), ("PT-0003", 2, 3, false), ("PT-0004", 4, 4, false)];

    private static readonly SemaphoreSlim s_setup = new(1, 1);
    private static bool s_ready;

    private async Task RankedFormationAsync()
    {
        await s_setup.WaitAsync();
        try
        {
            if (s_ready) return;
            using var admin = host.Client();
            await ImportAsync(admin, "formations", "kode_formasi,jabatan,kode_unit,nama_unit,jenis,kuota,tahun,tahap\n" +
                "F-PT-API,Penata Layanan Operasional,DINKES,Dinas Kesehatan,teknis,1,2024,1\nF-PT-BELUM,Pengelola Umum Operasional,DINKES,Dinas Kesehatan,teknis,1,2024,1\n");
            await ImportAsync(admin, "applicants", "no_peserta,nik,nama,email,tanggal_lahir,kode_formasi,kategori_prioritas\n" +
                string.Join("\n", Ranked.Select((a, i) => $"{a.Reg},64020101019000{i + 10},Pelamar {a.Reg},{a.Reg.ToLowerInvariant()}@contoh.id,1990-01-0{i + 1},F-PT-API,{a.Category}")) + "\n");
            await using var data = NpgsqlDataSource.Create(host.ConnectionString);
            foreach (var a in Ranked)
            {
                await using var cmd = data.CreateCommand("""
                    INSERT INTO pppk.ranking_results (formation_id, applicant_id, rank, passed, reason, ranked_at)
                    SELECT f.id, a.id, @rank, @passed, 'uji', now() FROM pppk.formations f, pppk.applicants a WHERE f.code = 'F-PT-API' AND a.registration_number = @reg
                    """);
                cmd.Parameters.AddWithValue("rank", a.Rank);
                cmd.Parameters.AddWithValue("passed", a.Passed);
                cmd.Parameters.AddWithValue("reg", a.Reg);
                Assert.Equal(1, await cmd.ExecuteNonQueryAsync());
            }
            s_ready = true;
        }
        finally
        {
            s_setup.Release();
        }
    }

    private static async Task ImportAsync(HttpClient client, string kind, string csv)
    {
        var response = await client.PostAsync($"/api/imports/{kind}", new StringContent(csv, Encoding.UTF8, "text/csv"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(code, problem.GetProperty("code").GetString());
        return problem;
    }

    [Fact]
    public async Task Only_hr_admin_lists_candidates_and_starts_proposals()
    {
        using var anonymous = host.Client(apiKey: null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/part-time/candidates")).StatusCode);
        foreach (var key in new[] { DomainTestHost.VerifierKey, DomainTestHost.EmployeeKey })
        {
            using var client = host.Client(key);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/part-time/candidates")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/part-time/proposals", new { formationCode = "F-PT-API" })).StatusCode);
        }
    }

    [Fact]
    public async Task Candidates_are_the_ranked_category_1_and_2_applicants_who_did_not_pass_with_their_reason()
    {
        await RankedFormationAsync();
        using var admin = host.Client();
        var list = await admin.GetFromJsonAsync<JsonElement>("/api/part-time/candidates?formationCode=F-PT-API");
        Assert.Equal(2, list.GetProperty("total").GetInt32());
        var items = list.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["PT-0001", "PT-0003"], items.Select(i => i.GetProperty("registrationNumber").GetString()));
        Assert.Equal("Non-ASN terdata di pangkalan data BKN (kategori 2), peringkat 3 dari 4, tidak lulus (kuota 1)", items[1].GetProperty("reason").GetString());
        Assert.Equal((1, "Eks THK-II", 2, "DINKES"), (items[0].GetProperty("priorityCategory").GetInt32(), items[0].GetProperty("categoryName").GetString(),
            items[0].GetProperty("rank").GetInt32(), items[0].GetProperty("unitCode").GetString()));

        var byUnit = await admin.GetFromJsonAsync<JsonElement>("/api/part-time/candidates?unitCode=DINKES&pageSize=1&page=2");
        Assert.Equal((2, "PT-0003"), (byUnit.GetProperty("total").GetInt32(), byUnit.GetProperty("items")[0].GetProperty("registrationNumber").GetString()));
        Assert.Equal(0, (await admin.GetFromJsonAsync<JsonElement>("/api/part-time/candidates?unitCode=BAPPEDA")).GetProperty("total").GetInt32());
        await ProblemAsync(await admin.GetAsync("/api/part-time/candidates?pageSize=0"), HttpStatusCode.BadRequest, "paging-invalid");
    }

    [Fact]
    public async Task A_proposal_needs_a_known_ranked_formation_and_only_its_candidates()
    {
        await RankedFormationAsync();
        using var admin = host.Client();
        var none = await ProblemAsync(await admin.PostAsJsonAsync("/api/part-time/proposals", new { }), HttpStatusCode.BadRequest, "part-time-formation-required");
        Assert.Equal("formationCode", none.GetProperty("field").GetString());
        await ProblemAsync(await admin.PostAsJsonAsync("/api/part-time/proposals", new { formationCode = "F-TIDAK-ADA" }), HttpStatusCode.NotFound, "part-time-formation-unknown");
        await ProblemAsync(await admin.PostAsJsonAsync("/api/part-time/proposals", new { formationCode = "F-PT-BELUM" }), HttpStatusCode.Conflict, "part-time-formation-not-ranked");

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/part-time/proposals") { Content = JsonContent.Create(new { formationCode = "F-PT-API", registrationNumbers = new[] { "PT-0001", "PT-0002", "PT-0004" } }) };
        request.Headers.AcceptLanguage.ParseAdd("id");
        var wrong = await ProblemAsync(await admin.SendAsync(request), HttpStatusCode.BadRequest, "part-time-not-candidates");
        Assert.Equal("Bukan calon PPPK paruh waktu dari formasi 'F-PT-API' (hanya pelamar kategori 1-2 yang diperingkat, tidak lulus, dan belum menjadi pegawai): PT-0002, PT-0004.",
            wrong.GetProperty("title").GetString());

        // One candidate proposed; proposing the formation again skips them and starts the other.
        var one = await admin.PostAsJsonAsync("/api/part-time/proposals", new { formationCode = "F-PT-API", registrationNumbers = new[] { "PT-0001" } });
        var first = await one.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(one.IsSuccessStatusCode, first.ToString());
        Assert.Equal((1, 1), (first.GetProperty("candidates").GetInt32(), first.GetProperty("started").GetInt32()));
        var all = await (await admin.PostAsJsonAsync("/api/part-time/proposals", new { formationCode = "F-PT-API" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((2, 1), (all.GetProperty("candidates").GetInt32(), all.GetProperty("started").GetInt32()));
        Assert.Equal(["PT-0001"], all.GetProperty("alreadyProposed").EnumerateArray().Select(k => k.GetString()));
        var listed = await admin.GetFromJsonAsync<JsonElement>("/api/part-time/candidates?formationCode=F-PT-API");
        Assert.All(listed.GetProperty("items").EnumerateArray(), i => Assert.Equal("active", i.GetProperty("proposal").GetString()));
    }
}
