using System.Net;
using Npgsql;
using Pppk.Workflow.Domain.Tests.Documents;
using Pppk.Workflow.Testing;
using static Pppk.Workflow.Testing.Bpmn;

namespace Pppk.Workflow.Domain.Tests.Handlers;

/// <summary><c>pppk.document</c> in a process: the employee's SK and perjanjian kerja generated from the records and stored with the case.</summary>
public sealed class DocumentHandlerTests(DomainTestHost host) : IClassFixture<DomainTestHost>
{
    private static string Task(string id, string kind, int retries = 3) =>
        ServiceTask(id, "pppk.document", retries, $"<zeebe:taskHeaders><zeebe:header key=\"documentKind\" value=\"{kind}\"/></zeebe:taskHeaders>");

    [Fact]
    public async Task The_SK_and_the_perjanjian_kerja_are_generated_from_the_employee_records_and_stored_with_the_case()
    {
        await SqlAsync("""
            INSERT INTO pppk.units (code, name) VALUES ('DOKUJI', 'Dinas Uji Dokumen') ON CONFLICT (code) DO NOTHING;
            INSERT INTO pppk.employees (id, nik, ni_pppk, name, unit_code, position, grade, service_years)
              VALUES (98001, '6403019801900001', '199801012025211001', 'Rahmat Hidayat, S.Kom.', 'DOKUJI', 'Pranata Komputer Ahli Pertama', 9, 0);
            INSERT INTO pppk.sks (id, employee_id, number, date, signer, kind) VALUES (98001, 98001, '800.1.2.2/9801/PGK/BKPSDM/2025', '2025-06-02', 'Bupati Kutai Kartanegara', 'pengangkatan');
            INSERT INTO pppk.contracts (id, employee_id, sk_id, tmt, "end", years, status, spmt_date)
              VALUES (98001, 98001, 98001, '2025-07-01', '2026-06-30', 1, 'active', '2025-07-01');
            """);
        var salary = Pppk.Workflow.Domain.Documents.IndonesianFormat.Rupiah(await ScalarAsync<decimal>("SELECT monthly_salary FROM pppk.salary_scale WHERE grade = 9 ORDER BY service_years LIMIT 1"));
        using var admin = host.Client();
        var api = new WorkflowApiClient(admin);
        await api.DeployAsync(Chain("dokumen_pegawai", Task("sk", "sk"), Task("pk", "perjanjian-kerja")));

        var id = (string)(await api.StartAsync("dokumen_pegawai", new { employeeId = 98001, signerName = "H. Pejabat Uji, M.Si." }))["id"]!;
        var done = await api.WaitForStatusAsync(id, "completed", TimeSpan.FromSeconds(30));

        var code = (string)done["variables"]!["verificationCode"]!;
        var page = await (await host.Client(apiKey: null).GetAsync("/verifikasi/" + code)).Content.ReadAsStringAsync();
        Assert.Contains("Perjanjian Kerja", page, StringComparison.Ordinal);
        Assert.Contains("800.1.2.2/9801/PGK/BKPSDM/2025/PK", page, StringComparison.Ordinal);
        var pdfs = await PdfsAsync(Guid.Parse(id));
        Assert.Equal(["perjanjian-kerja", "sk"], pdfs.Keys.Order());
        var sk = PdfText.All(pdfs["sk"]);
        PdfText.Save("sk-dari-data-pegawai", pdfs["sk"], pages: 1);
        Assert.Contains("Rahmat Hidayat, S.Kom.", sk, StringComparison.Ordinal);
        Assert.Contains("199801012025211001", sk, StringComparison.Ordinal);
        Assert.Contains("Dinas Uji Dokumen", sk, StringComparison.Ordinal);
        Assert.Contains(": IX", sk, StringComparison.Ordinal);
        Assert.Contains(salary + " (", sk, StringComparison.Ordinal);
        Assert.Contains("1 (satu) tahun terhitung mulai tanggal 1 Juli 2025 sampai dengan 30 Juni 2026", sk, StringComparison.Ordinal);
        Assert.Contains("H. Pejabat Uji, M.Si.", sk, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_document_kind_becomes_an_incident_naming_the_header()
    {
        using var admin = host.Client();
        var api = new WorkflowApiClient(admin);
        await api.DeployAsync(Chain("dokumen_salah", Task("x", "pengumuman", retries: 1)));

        var id = (string)(await api.StartAsync("dokumen_salah", new { employeeId = 1 }))["id"]!;
        var incidents = await api.WaitForIncidentsAsync(id, TimeSpan.FromSeconds(30));

        Assert.Contains("documentKind", incidents.ToJsonString(), StringComparison.Ordinal);
    }

    private async Task<Dictionary<string, byte[]>> PdfsAsync(Guid instanceId)
    {
        await using var data = NpgsqlDataSource.Create(host.ConnectionString);
        await using var cmd = data.CreateCommand("SELECT kind, pdf FROM pppk.documents WHERE instance_id = @i");
        cmd.Parameters.AddWithValue("i", instanceId);
        await using var reader = await cmd.ExecuteReaderAsync();
        var pdfs = new Dictionary<string, byte[]>();
        while (await reader.ReadAsync()) pdfs[reader.GetString(0)] = (byte[])reader[1];
        return pdfs;
    }

    private async Task SqlAsync(string sql)
    {
        await using var data = NpgsqlDataSource.Create(host.ConnectionString);
        await using var cmd = data.CreateCommand(sql);
        await cmd.ExecuteNonQueryAsync();
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var data = NpgsqlDataSource.Create(host.ConnectionString);
        await using var cmd = data.CreateCommand(sql);
        return (T)(await cmd.ExecuteScalarAsync())!;
    }
}
