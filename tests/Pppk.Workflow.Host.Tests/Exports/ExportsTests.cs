using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Pppk.Workflow.Testing;
using static Pppk.Workflow.Testing.XlsxSheet;

namespace Pppk.Workflow.Host.Tests.Exports;

/// <summary>
/// <c>GET /api/exports/{list}</c>: every list as xlsx and CSV with its list's filters, total and visibility; the xlsx read
/// cell by cell (types, formats, no formula anywhere), the CSV's separator, quoting and injection prefix; the cap; roles.
/// </summary>
public sealed class ExportsTests(ExportHost host) : IClassFixture<ExportHost>
{
    private static readonly string TodayWita = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow,
        TimeZoneInfo.FindSystemTimeZoneById("Asia/Makassar")).DateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private Task<HttpClient> As(string user) => host.SignedInClientAsync(user, ExportHost.Password);

    private static async Task<byte[]> DownloadAsync(HttpClient client, string url, string contentType, string fileName)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.StartsWith(contentType, response.Content.Headers.ContentType!.ToString());
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(fileName, response.Content.Headers.ContentDisposition.FileNameStar);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static Task<XlsxSheet> XlsxAsync(HttpClient client, string list, string query, string stem) =>
        DownloadAsync(client, $"/api/exports/{list}?format=xlsx{query}", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            $"{stem}-{TodayWita}.xlsx").ContinueWith(t => Read(t.Result), TaskScheduler.Default);

    private static async Task<string[]> CsvLinesAsync(HttpClient client, string list, string query, string stem)
    {
        var bytes = await DownloadAsync(client, $"/api/exports/{list}?format=csv{query}", "text/csv", $"{stem}-{TodayWita}.csv");
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }

    private static async Task<int> TotalAsync(HttpClient client, string url) =>
        (await client.GetFromJsonAsync<JsonElement>(url)).GetProperty("total").GetInt32();

    [Fact]
    public async Task The_employees_xlsx_has_typed_cells_text_niks_and_no_formula()
    {
        using var hr = await As("ekspor.hr");
        var sheet = await XlsxAsync(hr, "employees", $"&unitCode={ExportHost.UnitA}", "pegawai");

        Assert.Equal(["Nama", "NI PPPK", "NIK", "Kode unit", "Unit", "Jabatan", "Golongan", "Masa kerja (tahun)", "Akhir kontrak"], sheet.Rows[0].Select(c => c.Text));
        Assert.All(sheet.Rows[0], c => Assert.True(c.Kind == Kind.Text && c.Bold, $"header {c.Text} is bold text"));
        Assert.Equal(1, sheet.FrozenRows);
        Assert.Equal(9, sheet.Widths.Count);
        Assert.False(sheet.HasFormula);
        Assert.Equal(1 + await TotalAsync(hr, $"/api/employees?unitCode={ExportHost.UnitA}"), sheet.Rows.Count);

        // Rows by name (the list's order); a NIK with leading zeros stays text, all 16 digits.
        var ani = sheet.Rows.FindIndex(r => r[0].Text == "Ani Lestari");
        Assert.Equal((Kind.Text, ExportHost.LeadingZeroNik), (sheet.At(ani, "NIK").Kind, sheet.At(ani, "NIK").Text));
        Assert.Equal((Kind.Text, "199001012024210001"), (sheet.At(ani, "NI PPPK").Kind, sheet.At(ani, "NI PPPK").Text));
        Assert.Equal((Kind.Number, "3"), (sheet.At(ani, "Masa kerja (tahun)").Kind, sheet.At(ani, "Masa kerja (tahun)").Text));
        Assert.Equal(Kind.Date, sheet.At(ani, "Akhir kontrak").Kind);
        Assert.Equal("dd/mm/yyyy", sheet.At(ani, "Akhir kontrak").Format);
        Assert.Equal(ExportHost.Today.AddDays(30).ToDateTime(TimeOnly.MinValue), sheet.DateAt(ani, "Akhir kontrak"));
        Assert.Equal("Dinas Kesehatan", sheet.At(ani, "Unit").Text);

        // Formula-looking names are strings, written as they are.
        foreach (var name in new[] { ExportHost.HyperlinkName, ExportHost.CommandName })
        {
            var row = sheet.Rows.FindIndex(r => r[0].Text == name);
            Assert.True(row > 0, $"a row named {name}");
            Assert.Equal(Kind.Text, sheet.Rows[row][0].Kind);
        }
    }

    [Fact]
    public async Task The_renewals_xlsx_writes_rupiah_as_numbers_with_the_rupiah_format()
    {
        using var head = await As("ekspor.kepala.a");
        var sheet = await XlsxAsync(head, "renewals", "&months=6", "perpanjangan");
        Assert.Equal(1 + await TotalAsync(head, "/api/renewals?months=6"), sheet.Rows.Count);
        Assert.Equal(4, sheet.Rows.Count); // the unit head's three, not unit B's two
        var remaining = sheet.At(1, "Sisa anggaran unit");
        Assert.Equal((Kind.Number, "600000000"), (remaining.Kind, remaining.Text));
        Assert.Contains("Rp", remaining.Format);
        var daysLeft = (await head.GetFromJsonAsync<JsonElement>("/api/renewals?months=6")).GetProperty("items")[0].GetProperty("daysLeft").GetInt32();
        Assert.Equal((Kind.Number, daysLeft.ToString(CultureInfo.InvariantCulture)), (sheet.At(1, "Sisa hari").Kind, sheet.At(1, "Sisa hari").Text));
        Assert.Equal(Kind.Date, sheet.At(1, "Berakhir").Kind);
        Assert.Equal("belum ada penilaian", sheet.At(1, "Predikat tahunan terakhir").Text);
        Assert.False(sheet.HasFormula);
    }

    [Fact]
    public async Task The_csv_uses_semicolons_quotes_fields_and_defuses_formulas()
    {
        using var hr = await As("ekspor.hr");
        var lines = await CsvLinesAsync(hr, "employees", $"&unitCode={ExportHost.UnitA}", "pegawai");
        Assert.Equal("Nama;NI PPPK;NIK;Kode unit;Unit;Jabatan;Golongan;Masa kerja (tahun);Akhir kontrak", lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.Contains(lines, l => l.StartsWith($"Ani Lestari;199001012024210001;{ExportHost.LeadingZeroNik};EXP-A;Dinas Kesehatan;;IX;3;"
            + ExportHost.Today.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), StringComparison.Ordinal));
        // The quote-bearing name is quoted (its quotes doubled) and, like the other, starts with an apostrophe.
        Assert.Contains(lines, l => l.StartsWith("\"'=HYPERLINK(\"\"http://contoh.invalid\"\",\"\"klik\"\")\";", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("'+cmd|' /C calc'!A0;", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("tasks", "", "/api/tasks?pageSize=500", "kotak-tugas")]
    [InlineData("instances", "", "/api/instances?pageSize=500", "instans")]
    [InlineData("instances", "&status=active&definitionKey=ekspor_kasus", "/api/instances?status=active&definitionKey=ekspor_kasus", "instans")]
    [InlineData("incidents", "", "/api/incidents", "insiden")]
    [InlineData("formations", "&type=nakes", "/api/formations?type=nakes", "formasi")]
    [InlineData("applicants", "&formationCode=FXA-1", "/api/applicants?formationCode=FXA-1", "pelamar")]
    [InlineData("employees", "&search=Budi", "/api/employees?search=Budi", "pegawai")]
    [InlineData("renewals", "&months=1&unitCode=EXP-B", "/api/renewals?months=1&unitCode=EXP-B", "perpanjangan")]
    public async Task Every_list_exports_its_total_with_the_same_filter_as_xlsx_and_csv(string list, string query, string listUrl, string stem)
    {
        using var hr = await As("ekspor.hr");
        var total = await TotalAsync(hr, listUrl);
        Assert.Equal(1 + total, (await XlsxAsync(hr, list, query, stem)).Rows.Count);
        Assert.Equal(1 + total, (await CsvLinesAsync(hr, list, query, stem)).Length);
    }

    [Fact]
    public async Task The_tasks_and_instances_exports_name_the_workflow_and_unit()
    {
        using var hr = await As("ekspor.hr");
        var instances = await XlsxAsync(hr, "instances", "&definitionKey=ekspor_kasus", "instans");
        Assert.Equal(3, instances.Rows.Count);
        Assert.Contains(instances.Rows, r => r[0].Text == "KASUS-A" && r[3].Text == "Dinas Kesehatan" && r[4].Text == "Aktif");
        Assert.Equal(Kind.Date, instances.At(1, "Mulai (WITA)").Kind);

        using var head = await As("ekspor.kepala.a");
        var tasks = await XlsxAsync(head, "tasks", "&mine=true", "kotak-tugas");
        Assert.Equal(1 + await TotalAsync(head, "/api/tasks?mine=true"), tasks.Rows.Count);
        Assert.Equal(2, tasks.Rows.Count); // unit A's case only
        Assert.Equal(("Periksa berkas", "KASUS-A", "Dinas Kesehatan"), (tasks.At(1, "Tugas").Text, tasks.At(1, "Kunci bisnis").Text, tasks.At(1, "Unit").Text));
    }

    [Fact]
    public async Task The_ranking_of_a_formation_exports_with_scores_as_numbers()
    {
        using var verifier = await As("ekspor.verif");
        var sheet = await XlsxAsync(verifier, "ranking", "&formationCode=FXA-1", "peringkat-FXA-1");
        Assert.Equal(3, sheet.Rows.Count);
        Assert.Equal((Kind.Number, "560"), (sheet.At(1, "Total").Kind, sheet.At(1, "Total").Text));
        Assert.Equal((Kind.Text, "0240001"), (sheet.At(1, "Nomor peserta").Kind, sheet.At(1, "Nomor peserta").Text));
        Assert.Equal(new DateTime(1995, 5, 5), sheet.DateAt(1, "Tanggal lahir"));

        var missing = await verifier.GetAsync("/api/exports/ranking?format=xlsx");
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal("export-formation-required", (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        using var head = await As("ekspor.kepala.a");
        Assert.Equal(HttpStatusCode.NotFound, (await head.GetAsync("/api/exports/ranking?format=csv&formationCode=FXB-1")).StatusCode);
    }

    [Fact]
    public async Task A_unit_head_exports_only_their_units_rows()
    {
        using var head = await As("ekspor.kepala.a");
        var all = await XlsxAsync(head, "employees", "", "pegawai");
        Assert.Equal(4, all.Rows.Count);
        Assert.All(all.Rows.Skip(1), r => Assert.Equal(ExportHost.UnitA, r[3].Text));
        Assert.Single(await CsvLinesAsync(head, "employees", $"&unitCode={ExportHost.UnitB}", "pegawai")); // the header only
        Assert.Equal(2, (await XlsxAsync(head, "formations", "", "formasi")).Rows.Count);
        Assert.Equal(3, (await XlsxAsync(head, "applicants", "", "pelamar")).Rows.Count);

        using var employee = await As("ekspor.pegawai");
        var own = await XlsxAsync(employee, "employees", "", "pegawai");
        Assert.Equal((2, ExportHost.LeadingZeroNik), (own.Rows.Count, own.At(1, "NIK").Text));
    }

    [Theory]
    [InlineData("ekspor.pegawai", "formations")]
    [InlineData("ekspor.pegawai", "applicants")]
    [InlineData("ekspor.pegawai", "ranking")]
    [InlineData("ekspor.kepala.a", "incidents")]
    [InlineData("ekspor.verif", "incidents")]
    public async Task A_wrong_role_is_refused(string user, string list)
    {
        using var client = await As(user);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/exports/{list}?format=xlsx&formationCode=FXA-1")).StatusCode);
    }

    [Fact]
    public async Task A_list_longer_than_the_cap_is_refused_and_a_bad_format_named()
    {
        using var hr = await As("ekspor.hr");
        Assert.Equal(ExportHost.Cap + 1, await TotalAsync(hr, "/api/employees"));
        var response = await hr.GetAsync("/api/exports/employees?format=xlsx");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("export-too-many-rows", ExportHost.Cap), (problem.GetProperty("code").GetString(), problem.GetProperty("limit").GetInt32()));

        var format = await hr.GetAsync("/api/exports/employees?format=pdf");
        Assert.Equal("export-format-unknown", (await format.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task An_export_is_recorded_in_the_access_log()
    {
        using var head = await As("ekspor.kepala.a");
        await CsvLinesAsync(head, "renewals", "&months=3", "perpanjangan");
        using var admin = host.Client();
        var log = await admin.GetFromJsonAsync<JsonElement>("/api/access-log?kind=export&user=ekspor.kepala.a");
        Assert.Contains(log.GetProperty("items").EnumerateArray(), i => i.GetProperty("recordId").GetString() == "renewals?format=csv&months=3");
    }
}
