using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Pppk.Workflow.Runtime.Calendar;
using Pppk.Workflow.Testing;
using static Pppk.Workflow.Testing.Bpmn;

namespace Pppk.Workflow.Host.Tests.Calendar;

/// <summary>/api/calendar on a fresh database seeded from workflows/calendars: edits, CSV import, audit, the swap, the loud failure.</summary>
public sealed class CalendarApiTests(TestHost host) : IClassFixture<TestHost>
{
    private async Task<HttpClient> AdminAsync()
    {
        var client = await host.SignedInClientAsync();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("id");
        return client;
    }

    private static async Task<string> TryAsync(HttpClient client, string expression)
    {
        var response = await client.PostAsJsonAsync("/api/expressions/evaluate", new { expression });
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return response.IsSuccessStatusCode ? (string)body["result"]! : "problem: " + (string?)body["detail"];
    }

    private static async Task<JsonArray> HolidaysAsync(HttpClient client, int year) =>
        (await client.GetFromJsonAsync<JsonObject>($"/api/calendar/holidays?year={year}"))!["holidays"]!.AsArray();

    private static async Task<JsonArray> ChangesAsync(HttpClient client, int year) =>
        (await client.GetFromJsonAsync<JsonArray>($"/api/calendar/changes?year={year}"))!;

    [Fact]
    public async Task The_shipped_file_seeds_the_years_with_their_status_and_sources()
    {
        using var client = await AdminAsync();
        var years = (await client.GetFromJsonAsync<JsonArray>("/api/calendar/years"))!;
        Assert.Contains(years, y => (int)y!["year"]! == 2026 && !(bool)y["provisional"]! && ((string)y["source"]!).Contains("1497"));
        var y2027 = years.Single(y => (int)y!["year"]! == 2027)!;
        Assert.True((bool)y2027["provisional"]!);
        Assert.Contains("menunggu SKB", (string)y2027["source"]!);
        var holidays = await HolidaysAsync(client, 2027);
        Assert.Contains(holidays, h => (string)h!["date"]! == "2027-01-01" && (string)h["kind"]! == "libur" && h["source"] is not null);
        Assert.Contains(await ChangesAsync(client, 2027), c => (string)c!["action"]! == "seed");
        var coverage = (await client.GetFromJsonAsync<JsonObject>("/api/calendar/coverage"))!;
        Assert.Equal("2027-12-31", (string)coverage["lastDay"]!);
        Assert.True((bool)coverage["lastYearProvisional"]!);
        // The example: 2027-01-01 is New Year's Day.
        Assert.Equal("2027-01-04", await TryAsync(client, "add working days(date(\"2026-12-24\"), 5)"));
    }

    [Fact]
    public async Task A_holiday_added_edited_and_deleted_changes_the_running_engine_at_once_and_is_audited()
    {
        using var client = await AdminAsync();
        const string due = "add working days(date(\"2027-04-12\"), 1)";
        Assert.Equal("2027-04-13", await TryAsync(client, due));

        var added = await client.PostAsJsonAsync("/api/calendar/holidays",
            new { date = "2027-04-13", name = "Cuti bersama uji", kind = "cuti-bersama", source = "SKB uji No. 1/2027" });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var id = (long)(await added.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        Assert.Equal("2027-04-14", await TryAsync(client, due));

        var moved = await client.PutAsJsonAsync($"/api/calendar/holidays/{id}",
            new { date = "2027-04-14", name = "Cuti bersama uji", kind = "cuti-bersama", source = "SKB uji No. 1/2027" });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal("2027-04-13", await TryAsync(client, due));
        Assert.Equal("2027-04-15", await TryAsync(client, "add working days(date(\"2027-04-13\"), 1)"));

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/calendar/holidays/{id}")).StatusCode);
        Assert.Equal("2027-04-14", await TryAsync(client, "add working days(date(\"2027-04-13\"), 1)"));

        var changes = await ChangesAsync(client, 2027);
        var mine = changes.Where(c => ((string?)c!["details"]?.ToJsonString())?.Contains("Cuti bersama uji") == true).ToList();
        Assert.Equal(["delete", "edit", "add"], mine.Select(c => (string)c!["action"]!));
        Assert.All(mine, c => Assert.Equal("admin", (string?)c!["user"]));
        Assert.Equal("2027-04-13", (string?)mine[1]!["details"]!["before"]!["Date"]);
        Assert.Equal("2027-04-14", (string?)mine[1]!["details"]!["after"]!["Date"]);
    }

    [Fact]
    public async Task Bad_holidays_are_refused_naming_the_problem()
    {
        using var client = await AdminAsync();
        async Task<(HttpStatusCode, JsonObject)> Post(object body)
        {
            var response = await client.PostAsJsonAsync("/api/calendar/holidays", body);
            return (response.StatusCode, (await response.Content.ReadFromJsonAsync<JsonObject>())!);
        }
        var (status, problem) = await Post(new { date = "2031-01-02", name = "Libur", kind = "libur" });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("holiday-year-missing", (string?)problem["code"]);
        Assert.Contains("Tahun 2031 belum ada di kalender", (string?)problem["title"]);
        (status, problem) = await Post(new { date = "2027-02-30", name = "Libur" });
        Assert.Equal(("holiday-date-invalid", "date"), ((string?)problem["code"], (string?)problem["field"]));
        (status, problem) = await Post(new { date = "2027-02-01", name = "Libur", kind = "mudik" });
        Assert.Equal(("holiday-kind-invalid", "kind"), ((string?)problem["code"], (string?)problem["field"]));
        (status, problem) = await Post(new { date = "2027-02-01", name = "Libur", region = "Kutai Kartanegara" });
        Assert.Equal(("holiday-region-invalid", "region"), ((string?)problem["code"], (string?)problem["field"]));
        (status, problem) = await Post(new { date = "2027-01-01", name = "Tahun Baru lagi" });
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("holiday-duplicate", (string?)problem["code"]);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync("/api/calendar/holidays/987654")).StatusCode);
    }

    [Fact]
    public async Task A_csv_import_lists_what_would_change_refuses_bad_rows_by_line_and_replaces_the_year()
    {
        using var client = await AdminAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync("/api/calendar/years/2029", new { provisional = true, source = "Perkiraan" })).StatusCode);
        const string first = """
            tanggal;nama;jenis;wilayah;nama_wilayah;dasar_hukum
            2029-01-01;Tahun Baru 2029 Masehi;libur;;;SKB 2029
            2029-09-28;"Hari Jadi Kota Tenggarong; Kukar";libur;kukar;Kabupaten Kutai Kartanegara;Perbup Kukar
            """;
        var dry = await Import(client, 2029, first, dryRun: true);
        Assert.Equal(HttpStatusCode.OK, dry.StatusCode);
        var plan = (await dry.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(2, plan["added"]!.AsArray().Count);
        Assert.Empty(await HolidaysAsync(client, 2029));

        Assert.Equal(HttpStatusCode.OK, (await Import(client, 2029, first, dryRun: false)).StatusCode);
        var holidays = await HolidaysAsync(client, 2029);
        Assert.Equal(2, holidays.Count);
        Assert.Contains(holidays, h => (string?)h!["region"] == "kukar" && (string?)h["name"] == "Hari Jadi Kota Tenggarong; Kukar");
        Assert.Equal("2029-10-01", await TryAsync(client, "add working days(date(\"2029-09-27\"), 1, \"kukar\")"));
        Assert.Equal("2029-09-28", await TryAsync(client, "add working days(date(\"2029-09-27\"), 1)"));

        var export = await client.GetStringAsync("/api/calendar/years/2029/export");
        Assert.StartsWith("tanggal,nama,jenis,wilayah,nama_wilayah,dasar_hukum", export.TrimStart('\uFEFF'));
        var again = (await (await Import(client, 2029, export, dryRun: true)).Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True(again["added"]!.AsArray().Count + again["changed"]!.AsArray().Count + again["removed"]!.AsArray().Count == 0, again.ToJsonString());

        const string second = """
            tanggal,nama,jenis,wilayah,nama_wilayah,dasar_hukum
            2029-01-01,Tahun Baru Masehi,libur,,,SKB 2029 final
            2029-02-13,Tahun Baru Imlek,libur,,,SKB 2029 final
            """;
        plan = (await (await Import(client, 2029, second, dryRun: true)).Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("2029-02-13", (string?)Assert.Single(plan["added"]!.AsArray())!["date"]);
        Assert.Equal("Tahun Baru 2029 Masehi", (string?)Assert.Single(plan["changed"]!.AsArray())!["before"]);
        Assert.Equal("2029-09-28", (string?)Assert.Single(plan["removed"]!.AsArray())!["date"]);

        const string bad = """
            tanggal,nama,jenis,wilayah,nama_wilayah,dasar_hukum
            2029-01-01,Tahun Baru,libur,,,SKB
            2029-13-01,Bulan ketiga belas,libur,,,SKB
            2029-03-01,,libur,,,SKB
            2030-01-01,Tahun depan,libur,,,SKB
            2029-01-01,Dua kali,libur,,,SKB
            2029-04-01,Kolom kurang
            """;
        var refused = await Import(client, 2029, bad, dryRun: false);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = (await refused.Content.ReadFromJsonAsync<JsonObject>())!;
        var errors = problem["errors"]!.AsArray().Select(e => ((int)e!["line"]!, (string)e["code"]!)).ToList();
        Assert.Equal([(3, "holiday-date-invalid"), (4, "holiday-field-required"), (5, "holiday-import-other-year"), (6, "holiday-duplicate"), (7, "holiday-import-columns")], errors);
        Assert.StartsWith("Baris 3: tanggal '2029-13-01'", (string?)problem["title"]);
        Assert.Equal(2, (await HolidaysAsync(client, 2029)).Count);

        var header = await Import(client, 2029, "date,name\n2029-01-01,x", dryRun: true);
        Assert.Equal("holiday-import-header", (string?)(await header.Content.ReadFromJsonAsync<JsonObject>())!["errors"]![0]!["code"]);

        var import = (await ChangesAsync(client, 2029)).First(c => (string)c!["action"]! == "import")!;
        Assert.Equal("admin", (string?)import["user"]);
        Assert.Equal(2, import["details"]!["added"]!.AsArray().Count);
    }

    [Fact]
    public async Task Another_nodes_change_reaches_this_node_at_its_next_refresh()
    {
        using var client = await AdminAsync();
        const string due = "add working days(date(\"2027-07-05\"), 1)";
        Assert.Equal("2027-07-06", await TryAsync(client, due));
        // What another node's edit leaves in the database: the holiday and its audit row (the new revision).
        await using (var db = NpgsqlDataSource.Create(host.ConnectionString))
        await using (var cmd = db.CreateCommand("""
            INSERT INTO pppk.holidays (date, name, kind, region, source) VALUES ('2027-07-06', 'Libur dari simpul lain', 'libur', '', 'uji');
            INSERT INTO pppk.holiday_changes (at, "user", action, year) VALUES (now(), 'node-b', 'add', 2027);
            """))
            await cmd.ExecuteNonQueryAsync();
        Assert.Equal("2027-07-06", await TryAsync(client, due));
        var calendar = host.Host.Host.Services.GetRequiredService<HolidayCalendar>();
        Assert.True(await calendar.RefreshIfChangedAsync(CancellationToken.None));
        Assert.Equal("2027-07-07", await TryAsync(client, due));
        Assert.False(await calendar.RefreshIfChangedAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Past_the_data_a_running_case_gets_an_incident_and_a_constant_call_fails_the_deploy()
    {
        var api = new WorkflowApiClient(host.Client());
        var mapping = """<zeebe:ioMapping><zeebe:input source="=add working days(date(mulai), 5)" target="batas"/></zeebe:ioMapping>""";
        await api.DeployAsync(Process("kalender_habis", string.Join("\n",
            "<bpmn:startEvent id=\"start\"/>", UserTask("periksa", extra: mapping), "<bpmn:endEvent id=\"end\"/>",
            Flow("f0", "start", "periksa"), Flow("f1", "periksa", "end"))));
        var instance = await api.StartAsync("kalender_habis", new { mulai = "2027-12-28" });
        var incident = Assert.Single(await api.WaitForIncidentsAsync((string)instance["id"]!, language: "id"))!;
        Assert.Contains("kalender libur tahun 2028 belum diisi", (string?)incident["message"]);

        var constant = """<zeebe:ioMapping><zeebe:input source="=add working days(date(&quot;2027-12-28&quot;), 5)" target="batas"/></zeebe:ioMapping>""";
        var response = await api.DeployRawAsync(Process("kalender_konstan", string.Join("\n",
            "<bpmn:startEvent id=\"start\"/>", UserTask("periksa", extra: constant), "<bpmn:endEvent id=\"end\"/>",
            Flow("f0", "start", "periksa"), Flow("f1", "periksa", "end"))));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsArray();
        Assert.Contains(errors, e => (string?)e!["elementId"] == "periksa" && ((string?)e["message"])!.Contains("2028"));
    }

    private static Task<HttpResponseMessage> Import(HttpClient client, int year, string csv, bool dryRun) =>
        client.PostAsJsonAsync($"/api/calendar/years/{year}/import", new { csv, provisional = true, source = "Perkiraan uji", dryRun });
}
