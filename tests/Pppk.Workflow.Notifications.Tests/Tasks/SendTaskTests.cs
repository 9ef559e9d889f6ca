using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MimeKit;
using netDumbster.smtp;
using Pppk.Workflow.Notifications.Tests.Support;
using Pppk.Workflow.Testing;
using static Pppk.Workflow.Testing.Bpmn;

namespace Pppk.Workflow.Notifications.Tests.Tasks;

/// <summary>The host sending to netDumbster, a real SMTP server in-process on loopback.</summary>
public sealed class DumbsterHost : TestHost
{
    public SimpleSmtpServer Smtp { get; } = SimpleSmtpServer.Start(EmailHost.FreePort());

    protected override Dictionary<string, string?> Settings()
    {
        var s = base.Settings();
        foreach (var (k, v) in EmailHost.EmailSettings(Smtp.Configuration.Port)) s[k] = v;
        return s;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Smtp.Stop();
    }

    public async Task<List<MimeMessage>> WaitForMessagesAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (Smtp.ReceivedEmailCount < count && DateTime.UtcNow < deadline) await Task.Delay(100);
        return [.. Smtp.ReceivedEmail.Select(m => MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(m.Data))))];
    }
}

public sealed class SendTaskTests(DumbsterHost host) : IClassFixture<DumbsterHost>
{
    private readonly WorkflowApiClient _api = new(host.Client());
    private readonly EmailApi _emails = new(host.Client());

    private static readonly object SkVariables = new
    {
        email = "siti.aminah@contoh.id", nama = "Siti Aminah", ni_pppk = "199001012025212001", nomor_sk = "800/123/BKPSDM/2025", tanggal_sk = "2025-05-20",
        jabatan = "Guru Ahli Pertama", unit_kerja = "SDN 001 Tenggarong", tmt = "2025-06-02", akhir_kontrak = "2026-06-01", gaji_pokok = 4500000,
        jadwal_penyerahan = "2025-06-02T00:00:00Z", tempat_penyerahan = "Pendopo Odah Etam",
    };

    [Fact]
    public async Task A_send_task_delivers_the_rendered_email_to_the_variable_address_and_the_role_in_cc()
    {
        host.Smtp.ClearReceivedEmail();
        await _emails.CreateUserAsync("verif_sk", "verifikator@bkpsdm.kukarkab.go.id", "Rina Verifikator", "verifier");
        await _api.DeployAsync(Chain("sk_email", EmailTask("kirim_sk", 3, ("template", "sk-terbit"), ("to", "=email"), ("cc", "role:verifier"))));
        var instance = await _api.StartAsync("sk_email", SkVariables);
        await _api.WaitForStatusAsync((string)instance["id"]!, "completed");

        var message = Assert.Single(await host.WaitForMessagesAsync(1));
        Assert.Equal("SK Pengangkatan PPPK Nomor 800/123/BKPSDM/2025 telah terbit", message.Subject);
        Assert.Equal("siti.aminah@contoh.id", Assert.Single(message.To.Mailboxes).Address);
        var cc = Assert.Single(message.Cc.Mailboxes);
        Assert.Equal(("verifikator@bkpsdm.kukarkab.go.id", "Rina Verifikator"), (cc.Address, cc.Name));
        Assert.Equal("noreply@bkpsdm.kukarkab.go.id", Assert.Single(message.From.Mailboxes).Address);
        Assert.Contains("Senin, 2 Juni 2025 pukul 08.00 WITA", message.TextBody);
        Assert.Contains("Senin, 2 Juni 2025 pukul 08.00 WITA", message.HtmlBody);
        Assert.Contains("Rp 4.500.000", message.TextBody);
        Assert.Contains("<td>Gaji pokok</td><td>: Rp 4.500.000</td>", message.HtmlBody);

        var list = await _emails.WaitForAsync(l => l["items"]!.AsArray().Any(e => (string?)e!["status"] == "sent"), $"&instanceId={instance["id"]}");
        var row = Assert.Single(list["items"]!.AsArray())!;
        Assert.Equal(message.MessageId, (string?)row["messageId"]);
        Assert.Equal("sk-terbit", (string?)row["template"]);
        Assert.Equal(1, (int)row["attempts"]!);
        var detail = await _emails.GetAsync((long)row["id"]!);
        Assert.Contains("Pendopo Odah Etam", (string?)detail["html"]);
        Assert.Contains("Pendopo Odah Etam", (string?)detail["text"]);
    }

    [Fact]
    public async Task A_template_error_becomes_an_incident_on_the_task_and_queues_no_email()
    {
        await _api.DeployAsync(Chain("drh_bad", EmailTask("kirim_drh", 1, ("template", "pengingat-drh"), ("to", "=email"))));
        var instance = await _api.StartAsync("drh_bad", new { email = "budi@contoh.id", nama = "Budi" });
        var id = (string)instance["id"]!;
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!(bool)(await _api.InstanceAsync(id))["incident"]! && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.True((bool)(await _api.InstanceAsync(id))["incident"]!);
        var incidents = (await host.Client().GetFromJsonAsync<JsonObject>($"/api/incidents?instanceId={id}"))!["items"]!.AsArray();
        var message = (string)Assert.Single(incidents)!["message"]!;
        Assert.Contains("batas_drh", message);
        Assert.Contains("nomor_peserta", message);
        Assert.Equal(0, (int)(await _emails.ListAsync($"&instanceId={id}"))["total"]!);
    }

    [Fact]
    public async Task A_literal_unknown_template_is_refused_at_deploy_with_the_task_named()
    {
        var response = await _api.DeployRawAsync(Chain("tpl_deploy_check", EmailTask("kirim_hasil", 1, ("template", "belum-dibuat"), ("to", "a@contoh.id"))));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsArray();
        Assert.Contains(errors, e => (string?)e!["elementId"] == "kirim_hasil" && ((string?)e["message"])!.Contains("belum-dibuat"));
    }

    [Fact]
    public async Task An_email_task_problem_is_in_Indonesian_for_Accept_Language_id()
    {
        using var client = host.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/definitions/validate")
        {
            Content = new StringContent(Chain("tpl_check_id", EmailTask("kirim_id", 1, ("template", "belum-dibuat"))), System.Text.Encoding.UTF8, "application/xml"),
        };
        request.Headers.AcceptLanguage.ParseAdd("id");
        var errors = (await (await client.SendAsync(request)).Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsArray();
        Assert.Contains(errors, e => (string?)e!["code"] == "email-template-unknown" && ((string?)e["message"])!.StartsWith("Templat email 'belum-dibuat' tidak ada"));
        Assert.Contains(errors, e => (string?)e!["code"] == "email-to-header-missing" && ((string?)e["message"])!.StartsWith("Tugas email tidak memiliki header 'to'"));
    }

    [Fact]
    public async Task An_unknown_template_is_an_incident_naming_it()
    {
        await _api.DeployAsync(Chain("tpl_unknown", EmailTask("kirim", 1, ("template", "=nama_template"), ("to", "a@contoh.id"))));
        var id = (string)(await _api.StartAsync("tpl_unknown", new { nama_template = "tidak-ada" }))["id"]!;
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!(bool)(await _api.InstanceAsync(id))["incident"]! && DateTime.UtcNow < deadline) await Task.Delay(100);
        var incidents = (await host.Client().GetFromJsonAsync<JsonObject>($"/api/incidents?instanceId={id}"))!["items"]!.AsArray();
        Assert.Contains("No email template 'tidak-ada'", (string)Assert.Single(incidents)!["message"]!);
    }

    [Fact]
    public async Task A_to_header_that_gives_no_address_is_an_incident_naming_the_header()
    {
        await _api.DeployAsync(Chain("to_bad", EmailTask("kirim", 1, ("template", "pengingat-tugas"), ("to", "=nomor"))));
        var id = (string)(await _api.StartAsync("to_bad", new { nomor = 42, nama_tugas = "x", proses = "y" }))["id"]!;
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!(bool)(await _api.InstanceAsync(id))["incident"]! && DateTime.UtcNow < deadline) await Task.Delay(100);
        var incidents = (await host.Client().GetFromJsonAsync<JsonObject>($"/api/incidents?instanceId={id}"))!["items"]!.AsArray();
        var message = (string)Assert.Single(incidents)!["message"]!;
        Assert.Contains("Header 'to' (=nomor) gave 42", message);
    }

    [Fact]
    public async Task A_member_without_an_address_is_named_on_the_email_and_the_others_still_get_it()
    {
        host.Smtp.ClearReceivedEmail();
        await _emails.CreateUserAsync("ppk_ok", "sekda@kukarkab.go.id", "Sunggono", "ppk");
        await _emails.CreateUserAsync("ppk_noaddr", null, "Budi Tanpa Email", "ppk");
        // The users API refuses a bad address now; one stored before that check (or by an import) is what this covers.
        await _emails.CreateUserAsync("fin_bad", "ani@kukarkab.go.id", "Ani Keuangan", "finance");
        await using (var connection = new Npgsql.NpgsqlConnection(host.ConnectionString))
        {
            await connection.OpenAsync();
            await using var update = new Npgsql.NpgsqlCommand("UPDATE pppk.users SET email = 'bukan-alamat', normalized_email = 'BUKAN-ALAMAT' WHERE user_name = 'fin_bad'", connection);
            Assert.Equal(1, await update.ExecuteNonQueryAsync());
        }
        await _api.DeployAsync(Chain("ppk_email", EmailTask("kirim", 3, ("template", "pengingat-tugas"), ("to", "role:ppk")),
            EmailTask("kirim_fin", 3, ("template", "pengingat-tugas"), ("to", "finance"))));
        var id = (string)(await _api.StartAsync("ppk_email", new { nama_tugas = "Tanda tangan SK", proses = "Penerbitan SK" }))["id"]!;
        await _api.WaitForStatusAsync(id, "completed");

        var list = await _emails.WaitForAsync(l => l["items"]!.AsArray().All(e => (string?)e!["status"] != "queued"), $"&instanceId={id}");
        var rows = list["items"]!.AsArray().ToDictionary(e => (string)e!["elementId"]!);
        Assert.Equal("sent", (string?)rows["kirim"]!["status"]);
        Assert.Contains("Budi Tanpa Email (ppk_noaddr) has no email address", (string?)rows["kirim"]!["lastError"]);
        Assert.Equal("failed", (string?)rows["kirim_fin"]!["status"]);
        Assert.Contains("Ani Keuangan (fin_bad) has an invalid email address 'bukan-alamat'", (string?)rows["kirim_fin"]!["lastError"]);
        var message = Assert.Single(await host.WaitForMessagesAsync(1));
        Assert.Equal("sekda@kukarkab.go.id", Assert.Single(message.To.Mailboxes).Address);
    }

    [Fact]
    public async Task The_emails_of_many_steps_in_one_transaction_are_each_written_with_their_own_recipients_and_wake_the_sender_once()
    {
        host.Smtp.ClearReceivedEmail();
        await _emails.CreateUserAsync("verif_batch", "verifikator.batch@bkpsdm.kukarkab.go.id", "Rina Verifikator", "verifier");
        await _api.DeployAsync(Chain("batch_email", EmailTask("kirim", 3, ("template", "pengingat-tugas"), ("to", "=email"), ("cc", "role:verifier"))));
        var people = new[] { "ani@contoh.id", "budi@contoh.id", "", "dewi@contoh.id" };
        await using var connection = new Npgsql.NpgsqlConnection(host.ConnectionString);
        await connection.OpenAsync();
        await using var clock = new Npgsql.NpgsqlCommand("SELECT now()", connection);
        var before = (DateTime)(await clock.ExecuteScalarAsync())!;

        // One batch start: the four instances' steps, and so their email tasks, run and are written in one transaction.
        var response = await host.Client().PostAsJsonAsync("/api/instances/batch", new
        {
            definitionKey = "batch_email",
            instances = people.Select((email, i) => new { businessKey = $"batch-email-{i}", variables = new { email, nama_tugas = $"Tugas {i}", proses = "Uji" } }),
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var ids = (await response.Content.ReadFromJsonAsync<JsonObject>())!["startedInstanceIds"]!.AsArray().Select(n => (string)n!).ToList();
        Assert.Equal(people.Length, ids.Count);
        foreach (var id in ids) await _api.WaitForStatusAsync(id, "completed");

        for (var i = 0; i < people.Length; i++)
        {
            var list = await _emails.WaitForAsync(l => l["items"]!.AsArray().Any(e => (string?)e!["status"] != "queued"), $"&instanceId={ids[i]}");
            var row = Assert.Single(list["items"]!.AsArray())!;
            if (people[i] == "")
            {
                Assert.Equal("failed", (string?)row["status"]);
                continue;
            }
            Assert.Equal("sent", (string?)row["status"]);
            Assert.Equal(people[i], (string?)Assert.Single(row["to"]!.AsArray()));
            Assert.Contains("\"Rina Verifikator\" <verifikator.batch@bkpsdm.kukarkab.go.id>", row["cc"]!.AsArray().Select(c => (string?)c)); // with the class's other verifiers
        }
        var messages = await host.WaitForMessagesAsync(3);
        Assert.Equal(["ani@contoh.id", "budi@contoh.id", "dewi@contoh.id"], messages.Select(m => Assert.Single(m.To.Mailboxes).Address).Order());

        await using var wakeUps = new Npgsql.NpgsqlCommand("SELECT count(*) FROM pppk.outbox WHERE kind = 'email' AND created_at >= @before", connection);
        wakeUps.Parameters.AddWithValue("before", before);
        Assert.Equal(1L, (long)(await wakeUps.ExecuteScalarAsync())!);
    }
}
