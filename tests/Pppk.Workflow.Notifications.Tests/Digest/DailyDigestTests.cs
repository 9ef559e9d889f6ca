using Pppk.Workflow.Testing;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using System.Net.Http.Json;
using Npgsql;
using Pppk.Workflow.Notifications.Digest;
using Pppk.Workflow.Notifications.Tests.Support;
using static Pppk.Workflow.Testing.Bpmn;

namespace Pppk.Workflow.Notifications.Tests.Digest;

public sealed class DailyDigestTests(EmailHost host) : IClassFixture<EmailHost>
{
    // Monday 7 December 2026, 07:30 WITA; the Sunday before is no working day.
    private static readonly DateTimeOffset Monday = new(2026, 12, 7, 7, 30, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task Each_staff_member_gets_one_email_listing_their_open_and_overdue_tasks_on_working_days_only()
    {
        var api = new WorkflowApiClient(host.Client());
        var emails = new EmailApi(host.Client());
        await emails.CreateUserAsync("rina", "rina@bkpsdm.kukarkab.go.id", "Rina Verifikator", "verifier");
        // An evaluator belongs to a unit (issue 13): the unit first, then the user in it.
        await using (var unit = host.Host.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand("INSERT INTO pppk.units (code, name) VALUES ('DINKES', 'Dinas Kesehatan')"))
            await unit.ExecuteNonQueryAsync();
        (await emails.Http.PostAsJsonAsync("/api/users", new
        {
            userName = "joko", email = "joko@bkpsdm.kukarkab.go.id", fullName = "Joko Evaluator", unitCode = "DINKES", password = "Rahasia-2026!", roles = new[] { "evaluator" },
        })).EnsureSuccessStatusCode();
        await emails.CreateUserAsync("sepi", "sepi@bkpsdm.kukarkab.go.id", "Tanpa Tugas", "finance");
        await api.DeployAsync(Process("digest", """
            <bpmn:startEvent id="start"/>
            <bpmn:parallelGateway id="split"/>
            """ + UserTask("verif", "Verifikasi berkas", "verifier") + UserTask("nilai", "Penilaian kinerja", "evaluator")
            + UserTask("sanggah", "Jawab sanggah", "verifier") + """
            <bpmn:endEvent id="e1"/><bpmn:endEvent id="e2"/><bpmn:endEvent id="e3"/>
            """ + Flow("f0", "start", "split") + Flow("f1", "split", "verif") + Flow("f2", "split", "nilai") + Flow("f3", "split", "sanggah")
            + Flow("f4", "verif", "e1") + Flow("f5", "nilai", "e2") + Flow("f6", "sanggah", "e3")));
        var id = (string)(await api.StartAsync("digest", businessKey: "REG-0042"))["id"]!;
        var db = host.Host.Services.GetRequiredService<NpgsqlDataSource>();
        await using (var cmd = db.CreateCommand("UPDATE pppk.user_tasks SET due_at = @due WHERE instance_id = @id AND element_id = 'sanggah'"))
        {
            cmd.Parameters.AddWithValue("due", new DateTimeOffset(2026, 12, 4, 8, 0, 0, TimeSpan.Zero));
            cmd.Parameters.AddWithValue("id", Guid.Parse(id));
            await cmd.ExecuteNonQueryAsync();
        }

        var digest = host.Host.Services.GetRequiredService<DailyDigest>();
        Assert.Equal(0, await digest.SendAsync(Monday.AddDays(-1), CancellationToken.None));
        Assert.Equal(2, await digest.SendAsync(Monday, CancellationToken.None));
        Assert.Equal(0, await digest.SendAsync(Monday.AddHours(2), CancellationToken.None)); // once a day

        await emails.WaitForAsync(l => (int)l["total"]! == 2, "&template=ringkasan-harian&status=sent");
        var received = host.Smtp.Messages.Select(m => MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(m.Raw))))
            .Where(m => (m.Subject ?? "").StartsWith("Ringkasan tugas", StringComparison.Ordinal)).ToList();
        var rina = Assert.Single(received, m => m.To.Mailboxes.Single().Address == "rina@bkpsdm.kukarkab.go.id");
        Assert.Equal("Ringkasan tugas Senin, 7 Desember 2026: 2 tugas terbuka, 1 terlambat", rina.Subject);
        Assert.Contains("Jawab sanggah | digest (REG-0042) | batas Jumat, 4 Desember 2026 pukul 16.00 WITA (TERLAMBAT)", rina.TextBody);
        Assert.Contains("Verifikasi berkas | digest (REG-0042) | tanpa batas waktu", rina.TextBody);
        Assert.DoesNotContain("Penilaian kinerja", rina.TextBody);
        var joko = Assert.Single(received, m => m.To.Mailboxes.Single().Address == "joko@bkpsdm.kukarkab.go.id");
        Assert.Contains("Penilaian kinerja", joko.HtmlBody);
        Assert.DoesNotContain(received, m => m.To.Mailboxes.Single().Address.StartsWith("sepi", StringComparison.Ordinal));
    }
}
