using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Pppk.Workflow.Notifications.TemplateEditing;
using Pppk.Workflow.Notifications.Tests.Tasks;
using Pppk.Workflow.Testing;
using static Pppk.Workflow.Testing.Bpmn;

namespace Pppk.Workflow.Notifications.Tests.Templates;

/// <summary>The email template editor's API: versions in PostgreSQL, the start-up checks on save, 409 on a stale version, the newest version rendered.</summary>
public sealed class TemplateEditingTests(DumbsterHost host) : IClassFixture<DumbsterHost>
{
    private readonly WorkflowApiClient _api = new(host.Client());

    private static object Edit(int baseVersion, string subject, string html, string text, string? comment = null) =>
        new { baseVersion, subject, html, text, comment };

    private async Task<JsonObject> GetAsync(HttpClient admin, string name) => (await admin.GetFromJsonAsync<JsonObject>($"/api/email-templates/{name}"))!;

    [Fact]
    public async Task A_saved_version_is_what_the_next_email_carries_and_is_listed_with_who_and_why()
    {
        using var admin = await host.SignedInClientAsync();
        var before = await GetAsync(admin, "pengingat-tugas");
        Assert.Equal(1, (int)before["version"]!);
        Assert.Equal(["nama_tugas", "proses"], before["variables"]!["required"]!.AsArray().Select(v => (string)v!).Order());

        var subject = "Mohon segera: {{ nama_tugas }} ({{ proses }})";
        var saved = await admin.PutAsJsonAsync("/api/email-templates/pengingat-tugas",
            Edit(1, subject, (string)before["html"]!, (string)before["text"]!, "Subjek lebih tegas"));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(2, (int)(await saved.Content.ReadFromJsonAsync<JsonObject>())!["version"]!);

        host.Smtp.ClearReceivedEmail();
        await _api.DeployAsync(Chain("tpl_edit_send", EmailTask("kirim", 1, ("template", "pengingat-tugas"), ("to", "=email"))));
        var instance = await _api.StartAsync("tpl_edit_send", new { email = "rina@contoh.id", nama_tugas = "Verifikasi berkas", proses = "Seleksi PPPK 2026" });
        await _api.WaitForStatusAsync((string)instance["id"]!, "completed");
        var message = Assert.Single(await host.WaitForMessagesAsync(1));
        Assert.Equal("Mohon segera: Verifikasi berkas (Seleksi PPPK 2026)", message.Subject);

        var after = await GetAsync(admin, "pengingat-tugas");
        Assert.Equal(2, (int)after["version"]!);
        Assert.Equal(subject, (string?)after["subject"]);
        var versions = after["versions"]!.AsArray();
        Assert.Equal([2, 1], versions.Select(v => (int)v!["version"]!));
        Assert.Equal("admin", (string?)versions[0]!["changedBy"]);
        Assert.Equal("Subjek lebih tegas", (string?)versions[0]!["comment"]);
        Assert.NotNull(versions[0]!["changedAt"]);
        Assert.True((bool)versions[1]!["shipped"]!);

        // The audit record is the row itself, in PostgreSQL.
        await using var db = NpgsqlDataSource.Create(host.ConnectionString);
        await using var cmd = db.CreateCommand("SELECT changed_by, comment FROM pppk.email_template_versions WHERE name = 'pengingat-tugas' AND version = 2");
        await using var r = await cmd.ExecuteReaderAsync();
        Assert.True(await r.ReadAsync());
        Assert.Equal(("admin", "Subjek lebih tegas"), (r.GetString(0), r.GetString(1)));
    }

    [Fact]
    public async Task A_save_on_a_version_someone_else_replaced_is_a_409_and_saves_nothing()
    {
        using var admin = await host.SignedInClientAsync();
        var t = await GetAsync(admin, "pengingat-ni");
        var (html, text) = ((string)t["html"]!, (string)t["text"]!);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/email-templates/pengingat-ni", Edit(1, "NI PPPK {{ nama }} belum terbit", html, text))).StatusCode);

        var stale = await admin.PutAsJsonAsync("/api/email-templates/pengingat-ni", Edit(1, "NI {{ nama }} (NIK {{ nik }})", html, text));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var problem = (await stale.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("email-template-conflict", (string?)problem["code"]);
        Assert.Equal(2, (int)problem["currentVersion"]!);
        Assert.Equal("NI PPPK {{ nama }} belum terbit", (string?)(await GetAsync(admin, "pengingat-ni"))["subject"]);
    }

    [Fact]
    public async Task Bad_Liquid_is_refused_with_the_part_and_line_named_and_the_template_stays()
    {
        using var admin = await host.SignedInClientAsync();
        var t = await GetAsync(admin, "sanggah-ditolak");
        var (subject, html, text) = ((string)t["subject"]!, (string)t["html"]!, (string)t["text"]!);

        var unclosed = await admin.PutAsJsonAsync("/api/email-templates/sanggah-ditolak", Edit(1, subject, "<p>Halo</p>\n<p>{% if nama %}{{ nama }}</p>", text));
        Assert.Equal(HttpStatusCode.BadRequest, unclosed.StatusCode);
        var problem = (await unclosed.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("html", (string?)problem["field"]);
        Assert.Equal("email-template-syntax", (string?)problem["problems"]![0]!["code"]);
        Assert.True(problem["line"] is not null, problem.ToJsonString());

        var filter = await admin.PutAsJsonAsync("/api/email-templates/sanggah-ditolak", Edit(1, subject, html, "Yth. {{ nama }},\nJawaban: {{ jawaban | huruf_besar }}"));
        Assert.Equal(HttpStatusCode.BadRequest, filter.StatusCode);
        problem = (await filter.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(("text", 2), ((string?)problem["field"], (int)problem["line"]!));
        Assert.Contains("huruf_besar", (string?)problem["title"]);

        using var indonesian = new HttpRequestMessage(HttpMethod.Put, "/api/email-templates/sanggah-ditolak") { Content = JsonContent.Create(Edit(1, subject, html, "{{ nama | huruf_besar }}")) };
        indonesian.Headers.AcceptLanguage.ParseAdd("id");
        var id = (await (await admin.SendAsync(indonesian)).Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.StartsWith("Templat tidak disimpan: Teks memakai filter 'huruf_besar' pada baris 1", (string?)id["title"]);

        var tooLong = await admin.PutAsJsonAsync("/api/email-templates/sanggah-ditolak", Edit(1, new string('x', TemplateLimits.Subject + 1), html, text));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        problem = (await tooLong.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(("subject", TemplateLimits.Subject), ((string?)problem["field"], (int)problem["limit"]!));

        Assert.Equal(1, (int)(await GetAsync(admin, "sanggah-ditolak"))["version"]!);
    }

    [Fact]
    public async Task Restoring_an_old_version_adds_a_new_version_with_its_content()
    {
        using var admin = await host.SignedInClientAsync();
        var t = await GetAsync(admin, "eskalasi-tugas");
        var shipped = (string)t["subject"]!;
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/email-templates/eskalasi-tugas", Edit(1, "Eskalasi: {{ nama_tugas }}", (string)t["html"]!, (string)t["text"]!))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync("/api/email-templates/eskalasi-tugas", Edit(2, "Eskalasi: {{ nama_tugas }}", (string)t["html"]!, (string)t["text"]!))).StatusCode);

        var restore = await admin.PutAsJsonAsync("/api/email-templates/eskalasi-tugas", new { baseVersion = 2, restoredFrom = 1, comment = "Kembali ke bawaan" });
        Assert.Equal(HttpStatusCode.OK, restore.StatusCode);
        var now = await GetAsync(admin, "eskalasi-tugas");
        Assert.Equal((3, shipped), ((int)now["version"]!, (string?)now["subject"]));
        Assert.Equal(1, (int)now["versions"]![0]!["restoredFrom"]!);
        var v2 = (await admin.GetFromJsonAsync<JsonObject>("/api/email-templates/eskalasi-tugas/versions/2"))!;
        Assert.Equal("Eskalasi: {{ nama_tugas }}", (string?)v2["subject"]);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/email-templates/eskalasi-tugas/versions/9")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/email-templates/tidak-ada")).StatusCode);
    }

    [Fact]
    public async Task A_preview_renders_the_edit_with_sample_variables_or_names_what_is_missing()
    {
        using var admin = await host.SignedInClientAsync();
        var body = new
        {
            subject = "Hasil evaluasi {{ nama }}", html = "<p>{{ nama }}: {{ predikat }}, gaji {{ gaji | rupiah }}</p>", text = "Tanggal {{ tanggal | tanggal }}",
            variables = new { nama = "Siti <Aminah>", predikat = "Baik", gaji = 4500000, tanggal = "2026-12-15" },
        };
        var preview = (await (await admin.PostAsJsonAsync("/api/email-templates/hasil-evaluasi/preview", body)).Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Empty(preview["problems"]!.AsArray());
        Assert.Equal("Hasil evaluasi Siti <Aminah>", (string?)preview["subject"]);
        Assert.Equal("<p>Siti &lt;Aminah&gt;: Baik, gaji Rp 4.500.000</p>", (string?)preview["html"]);
        Assert.Equal("Tanggal Selasa, 15 Desember 2026", (string?)preview["text"]);

        var lacking = (await (await admin.PostAsJsonAsync("/api/email-templates/hasil-evaluasi/preview",
            new { body.subject, body.html, body.text, variables = new { nama = "Siti" } })).Content.ReadFromJsonAsync<JsonObject>())!;
        var problem = Assert.Single(lacking["problems"]!.AsArray())!;
        Assert.Equal("email-template-sample-missing", (string?)problem["code"]);
        Assert.Contains("gaji, predikat, tanggal", (string?)problem["message"]);
        // A preview saves nothing.
        Assert.Equal(1, (int)(await GetAsync(admin, "hasil-evaluasi"))["version"]!);
    }

    [Fact]
    public async Task A_version_saved_by_another_node_is_picked_up_by_the_refresh_and_the_list_shows_it()
    {
        using var admin = await host.SignedInClientAsync();
        var t = await GetAsync(admin, "peringatan-distribusi");
        await using (var db = NpgsqlDataSource.Create(host.ConnectionString))
        {
            await using var cmd = db.CreateCommand("""
                INSERT INTO pppk.email_template_versions (name, version, subject, html, text, changed_by, changed_by_name, changed_at, comment)
                VALUES ('peringatan-distribusi', 2, 'Distribusi predikat {{ unit_kerja }}', @html, @text, 'budi', 'Budi Santoso', now(), 'dari node lain')
                """);
            cmd.Parameters.AddWithValue("html", (string)t["html"]!);
            cmd.Parameters.AddWithValue("text", (string)t["text"]!);
            await cmd.ExecuteNonQueryAsync();
        }
        await host.Host.Services.GetRequiredService<TemplateStore>().RefreshAsync(CancellationToken.None);

        var list = (await admin.GetFromJsonAsync<JsonObject>("/api/email-templates?search=distribusi"))!;
        var row = Assert.Single(list["items"]!.AsArray())!;
        Assert.Equal(("peringatan-distribusi", 2, "Budi Santoso"), ((string?)row["name"], (int)row["version"]!, (string?)row["changedByName"]));
        var rendered = host.Host.Services.GetRequiredService<Notifications.Templates.EmailTemplates>()
            .Render("peringatan-distribusi", new JsonObject { ["unit_kerja"] = "Dinas Pendidikan", ["pesan"] = "x" });
        Assert.Equal("Distribusi predikat Dinas Pendidikan", rendered.Subject);
        var page = (await admin.GetFromJsonAsync<JsonObject>("/api/email-templates?pageSize=5&page=2"))!;
        Assert.Equal(5, page["items"]!.AsArray().Count);
        Assert.True((int)page["total"]! > 10);
    }

    [Fact]
    public async Task After_a_restart_the_newest_saved_version_is_loaded_over_the_file()
    {
        using (var admin = await host.SignedInClientAsync())
        {
            var t = await GetAsync(admin, "pengingat-kontrak-pegawai");
            Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/email-templates/pengingat-kontrak-pegawai",
                Edit(1, "Kontrak Anda berakhir {{ akhir_kontrak | tanggal }}", (string)t["html"]!, (string)t["text"]!))).StatusCode);
        }
        await host.RestartAsync();

        using var after = await host.SignedInClientAsync();
        Assert.Equal(2, (int)(await GetAsync(after, "pengingat-kontrak-pegawai"))["version"]!);
        var rendered = host.Host.Services.GetRequiredService<Notifications.Templates.EmailTemplates>()
            .Render("pengingat-kontrak-pegawai", new JsonObject { ["nama"] = "Siti", ["akhir_kontrak"] = "2027-01-31", ["sisa_hari"] = 30 });
        Assert.Equal("Kontrak Anda berakhir Minggu, 31 Januari 2027", rendered.Subject);
    }
}
