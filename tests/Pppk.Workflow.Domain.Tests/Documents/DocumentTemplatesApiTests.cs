using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Npgsql;
using Pppk.Workflow.Domain.Documents;
using Pppk.Workflow.Testing;
using Xunit;
using static Pppk.Workflow.Testing.Bpmn;

namespace Pppk.Workflow.Domain.Tests.Documents;

/// <summary>
/// <c>/api/document-templates</c>: an uploaded version is checked against its kind, stored with who and when, and used
/// by the next generated document; an older version restored becomes the newest; hr-admin only.
/// </summary>
public sealed class DocumentTemplatesApiTests(DomainTestHost host) : IClassFixture<DomainTestHost>
{
    private static MultipartFormDataContent Upload(byte[] docx, string fileName = "sk-baru.docx", string? kind = null)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(docx);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        form.Add(file, "file", fileName);
        if (kind is not null) form.Add(new StringContent(kind), "kind");
        return form;
    }

    [Fact]
    public async Task An_uploaded_version_is_used_by_the_next_document_and_a_restored_one_after_it()
    {
        await SqlAsync("""
            INSERT INTO pppk.units (code, name) VALUES ('TPLUJI', 'Dinas Uji Templat') ON CONFLICT (code) DO NOTHING;
            INSERT INTO pppk.employees (id, nik, ni_pppk, name, unit_code, position, grade, service_years)
              VALUES (98101, '6403019810900001', '199810012025211001', 'Dewi Lestari, S.E.', 'TPLUJI', 'Analis Keuangan', 9, 0);
            INSERT INTO pppk.sks (id, employee_id, number, date, signer, kind) VALUES (98101, 98101, '800.1.2.2/9810/PGK/BKPSDM/2025', '2025-06-02', 'Bupati Kutai Kartanegara', 'pengangkatan');
            INSERT INTO pppk.contracts (id, employee_id, sk_id, tmt, "end", years, status, spmt_date)
              VALUES (98101, 98101, 98101, '2025-07-01', '2026-06-30', 1, 'active', '2025-07-01');
            """);
        using var admin = host.Client();
        var api = new WorkflowApiClient(admin);
        await api.DeployAsync(Chain("dokumen_templat", ServiceTask("sk", "pppk.document", 3, "<zeebe:taskHeaders><zeebe:header key=\"documentKind\" value=\"sk\"/></zeebe:taskHeaders>")));

        var uploaded = await admin.PostAsync("/api/document-templates/sk", Upload(new DocxBuilder()
            .Center("KEPUTUSAN VERSI UJI NOMOR {{nomor_sk}}", bold: true).Left("Nama: {{nama}}, NI PPPK {{ni_pppk}}, gaji {{gaji}} ({{gaji_terbilang}})").Build()));
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var version = (await uploaded.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(2, (int)version["version"]!);
        Assert.Equal("sk-baru.docx", (string?)version["fileName"]);
        Assert.False(string.IsNullOrEmpty((string?)version["uploadedBy"]));

        var list = (await admin.GetFromJsonAsync<JsonArray>("/api/document-templates"))!;
        var sk = list.Single(k => (string?)k!["kind"] == "sk")!;
        Assert.Equal(2, (int)sk["currentVersion"]!);
        Assert.NotNull(sk["uploadedAt"]);
        Assert.Equal(8, list.Count);

        var first = await GenerateAsync(api);
        Assert.Contains("KEPUTUSAN VERSI UJI NOMOR 800.1.2.2/9810/PGK/BKPSDM/2025", first, StringComparison.Ordinal);
        Assert.Contains("Dewi Lestari, S.E., NI PPPK 199810012025211001", first, StringComparison.Ordinal);
        Assert.Contains("rupiah)", first, StringComparison.Ordinal);

        var restored = await admin.PostAsync("/api/document-templates/sk/versions/1/restore", null);
        Assert.Equal(HttpStatusCode.Created, restored.StatusCode);
        var detail = (await admin.GetFromJsonAsync<JsonObject>("/api/document-templates/sk"))!;
        Assert.Equal(3, (int)detail["currentVersion"]!);
        Assert.Equal([3, 2, 1], detail["versions"]!.AsArray().Select(v => (int)v!["version"]!));
        Assert.Equal(1, (int?)detail["versions"]![0]!["restoredFrom"]);
        Assert.Contains("nama", detail["fields"]!.AsArray().Select(f => (string?)f));
        Assert.Contains("no", detail["lists"]!["pegawai"]!.AsArray().Select(f => (string?)f));

        var second = await GenerateAsync(api);
        Assert.DoesNotContain("VERSI UJI", second, StringComparison.Ordinal);
        Assert.Contains("PENGANGKATAN PEGAWAI PEMERINTAH DENGAN PERJANJIAN KERJA", second, StringComparison.Ordinal);

        var v2 = await admin.GetAsync("/api/document-templates/sk/versions/2");
        Assert.Equal(HttpStatusCode.OK, v2.StatusCode);
        Assert.Contains("KEPUTUSAN VERSI UJI", DocxText.All(await v2.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/document-templates/sk/versions/9")).StatusCode);
    }

    [Fact]
    public async Task A_template_naming_an_unknown_placeholder_or_list_is_refused_naming_it_and_nothing_is_stored()
    {
        using var admin = host.Client();
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("id");

        var unknown = await admin.PostAsync("/api/document-templates/spmt", Upload(new DocxBuilder().Left("{{nama}} lahir di {{tempat_lahir}}").Build()));
        var unknownProblem = (await unknown.Content.ReadFromJsonAsync<JsonObject>())!;
        var section = await admin.PostAsync("/api/document-templates", Upload(new DocxBuilder()
            .Table([3000, 3000], borders: true, header: false, ["{{#peserta}}{{no}}", "{{nama}}{{/peserta}}"]).Build(), kind: "spmt"));
        var sectionProblem = (await section.Content.ReadFromJsonAsync<JsonObject>())!;
        var notDocx = await admin.PostAsync("/api/document-templates/spmt", Upload("bukan dokumen"u8.ToArray()));

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("document-template-unknown-placeholder", (string?)unknownProblem["code"]);
        Assert.Contains("tempat_lahir", (string?)unknownProblem["title"], StringComparison.Ordinal);
        Assert.StartsWith("Templat memuat isian yang tidak dikenal", (string?)unknownProblem["title"], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, section.StatusCode);
        Assert.Equal("document-template-unknown-section", (string?)sectionProblem["code"]);
        Assert.Contains("peserta", (string?)sectionProblem["title"], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, notDocx.StatusCode);
        Assert.Equal(1, (int)(await admin.GetFromJsonAsync<JsonObject>("/api/document-templates/spmt"))!["currentVersion"]!);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/document-templates/surat-cinta")).StatusCode);
    }

    [Fact]
    public async Task The_preview_fills_the_kind_with_sample_data_and_other_roles_may_not_touch_templates()
    {
        using var admin = host.Client();
        var preview = await admin.GetAsync("/api/document-templates/pengumuman-peringkat/preview");
        Assert.Equal("application/pdf", preview.Content.Headers.ContentType?.MediaType);
        var text = PdfText.All(await preview.Content.ReadAsByteArrayAsync());
        Assert.Contains("PENGUMUMAN", text, StringComparison.Ordinal);
        Assert.Contains("Nur Aisyah, S.Pd.", text, StringComparison.Ordinal);
        Assert.Contains("TIDAK LULUS", text, StringComparison.Ordinal);

        using var employee = host.Client(DomainTestHost.EmployeeKey);
        using var verifier = host.Client(DomainTestHost.VerifierKey);
        using var anonymous = host.Client(apiKey: null);
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.GetAsync("/api/document-templates")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await verifier.PostAsync("/api/document-templates/sk", Upload(DefaultDocumentTemplates.Bytes(DocumentKind.Sk)))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await verifier.PostAsync("/api/document-templates/sk/versions/1/restore", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/document-templates/sk/versions/1")).StatusCode);
    }

    /// <summary>Runs the one-step process for the employee and returns the text of the SK it stored.</summary>
    private async Task<string> GenerateAsync(WorkflowApiClient api)
    {
        var id = (string)(await api.StartAsync("dokumen_templat", new { employeeId = 98101 }))["id"]!;
        await api.WaitForStatusAsync(id, "completed", TimeSpan.FromSeconds(30));
        await using var data = NpgsqlDataSource.Create(host.ConnectionString);
        await using var cmd = data.CreateCommand("SELECT pdf FROM pppk.documents WHERE instance_id = @i");
        cmd.Parameters.AddWithValue("i", Guid.Parse(id));
        return PdfText.All((byte[])(await cmd.ExecuteScalarAsync())!);
    }

    private async Task SqlAsync(string sql)
    {
        await using var data = NpgsqlDataSource.Create(host.ConnectionString);
        await using var cmd = data.CreateCommand(sql);
        await cmd.ExecuteNonQueryAsync();
    }
}
