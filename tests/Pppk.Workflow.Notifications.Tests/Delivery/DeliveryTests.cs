using Pppk.Workflow.Testing;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Pppk.Workflow.Notifications.Tests.Support;
using static Pppk.Workflow.Testing.Bpmn;

namespace Pppk.Workflow.Notifications.Tests.Delivery;

public sealed class DeliveryTests(EmailHost host) : IClassFixture<EmailHost>
{
    private readonly WorkflowApiClient _api = new(host.Client());
    private readonly EmailApi _emails = new(host.Client());

    private async Task<string> SendAsync(string key, string to, object? variables = null)
    {
        await _api.DeployAsync(Chain(key, EmailTask("kirim", 3, ("template", "pengingat-tugas"), ("to", to))));
        var id = (string)(await _api.StartAsync(key, variables ?? new { nama_tugas = "Verifikasi berkas", proses = "Seleksi PPPK" }))["id"]!;
        await _api.WaitForStatusAsync(id, "completed");
        return id;
    }

    [Fact]
    public async Task A_550_reply_marks_the_email_failed_with_the_reply_and_retry_is_only_for_failed_ones()
    {
        host.Smtp.RejectRecipient = a => a.StartsWith("tidakada", StringComparison.Ordinal);
        try
        {
            var id = await SendAsync("reject", "tidakada@contoh.id");
            var row = (await _emails.WaitForAsync(l => (string?)l["items"]![0]!["status"] == "failed", $"&instanceId={id}"))["items"]![0]!;
            Assert.Contains("550", (string?)row["lastError"]);
            Assert.Contains("User unknown", (string?)row["lastError"]);
            Assert.Equal(1, (int)row["attempts"]!);
            Assert.Equal(1, (int)(await _emails.ListAsync("&status=failed&template=pengingat-tugas"))["total"]!);

            host.Smtp.RejectRecipient = _ => false;
            var emailId = (long)row["id"]!;
            Assert.Equal(HttpStatusCode.Accepted, (await host.Client().PostAsync($"/api/emails/{emailId}/retry", null)).StatusCode);
            await _emails.WaitForAsync(l => (string?)l["items"]![0]!["status"] == "sent", $"&instanceId={id}");
            Assert.Equal(HttpStatusCode.Conflict, (await host.Client().PostAsync($"/api/emails/{emailId}/retry", null)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await host.Client().PostAsync("/api/emails/999999/retry", null)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await host.Client().GetAsync("/api/emails/999999")).StatusCode);
        }
        finally
        {
            host.Smtp.RejectRecipient = _ => false;
        }
    }

    [Fact]
    public async Task With_the_server_down_the_email_is_retried_and_delivered_once_when_it_is_back()
    {
        host.Smtp.Stop();
        string id;
        try
        {
            id = await SendAsync("down_up", "pegawai@contoh.id");
            await _emails.WaitForAsync(l => (int)l["items"]![0]!["attempts"]! >= 2, $"&instanceId={id}");
            var row = (await _emails.ListAsync($"&instanceId={id}"))["items"]![0]!;
            Assert.Equal("queued", (string?)row["status"]);
            Assert.Contains("connection", (string?)row["lastError"]);
        }
        finally
        {
            host.Smtp.Listen();
        }
        var sent = (await _emails.WaitForAsync(l => (string?)l["items"]![0]!["status"] == "sent", $"&instanceId={id}"))["items"]![0]!;
        Assert.Single(host.Smtp.Messages, m => m.MessageId == (string?)sent["messageId"]);
    }

    [Fact]
    public async Task A_4xx_reply_is_retried()
    {
        host.Smtp.DataReply = "451 4.3.0 Coba lagi nanti";
        string id;
        try
        {
            id = await SendAsync("busy", "sibuk@contoh.id");
            var row = (await _emails.WaitForAsync(l => (int)l["items"]![0]!["attempts"]! >= 1, $"&instanceId={id}"))["items"]![0]!;
            Assert.Equal("queued", (string?)row["status"]);
            Assert.Contains("451", (string?)row["lastError"]);
        }
        finally
        {
            host.Smtp.DataReply = null;
        }
        await _emails.WaitForAsync(l => (string?)l["items"]![0]!["status"] == "sent", $"&instanceId={id}");
    }

    [Fact]
    public async Task Five_hundred_emails_queued_at_once_are_each_delivered_exactly_once_over_few_connections()
    {
        var before = host.Smtp.Connections;
        var people = Enumerable.Range(1, 500).Select(i => $"pelamar{i:000}@contoh.id").ToArray();
        await _api.DeployAsync(Process("massal", """
            <bpmn:startEvent id="start"/>
            <bpmn:sendTask id="kirim" name="Kirim"><bpmn:extensionElements><zeebe:taskDefinition type="email" retries="3"/>
              <zeebe:taskHeaders><zeebe:header key="template" value="pengingat-tugas"/><zeebe:header key="to" value="=penerima"/></zeebe:taskHeaders>
            </bpmn:extensionElements>
              <bpmn:multiInstanceLoopCharacteristics isSequential="false"><bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=daftar" inputElement="penerima"/></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics>
            </bpmn:sendTask>
            <bpmn:endEvent id="end"/>
            """ + Flow("f1", "start", "kirim") + Flow("f2", "kirim", "end")));
        var id = (string)(await _api.StartAsync("massal", new { daftar = people, nama_tugas = "Unggah DRH", proses = "Penerbitan SK" }))["id"]!;
        await _api.WaitForStatusAsync(id, "completed", TimeSpan.FromSeconds(60));
        Assert.Equal(500, (int)(await _emails.ListAsync($"&instanceId={id}"))["total"]!);

        await _emails.WaitForAsync(l => (int)l["total"]! == 500, $"&instanceId={id}&status=sent", TimeSpan.FromSeconds(90));
        var mine = host.Smtp.Messages.Where(m => m.Recipients.Count == 1 && m.Recipients[0].StartsWith("pelamar", StringComparison.Ordinal)).ToList();
        Assert.Equal(500, mine.Count);
        Assert.Equal(500, mine.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(people.Order(), mine.Select(m => m.Recipients[0]).Order());
        Assert.True(host.Smtp.Connections - before <= 20, $"{host.Smtp.Connections - before} connections for 500 emails");
    }

    [Fact]
    public async Task Queueing_the_same_dedup_key_twice_adds_one_email()
    {
        var queue = host.Host.Services.GetRequiredService<Pppk.Workflow.Notifications.Delivery.EmailQueue>();
        var db = host.Host.Services.GetRequiredService<NpgsqlDataSource>();
        var email = new Pppk.Workflow.Notifications.Delivery.OutgoingEmail("manual", ["x@contoh.id"], [], "S", "<p>h</p>", "t") { DedupKey = "test:once" };
        Assert.Equal(1, await queue.QueueAsync(db, [email], CancellationToken.None));
        Assert.Equal(0, await queue.QueueAsync(db, [email], CancellationToken.None));
    }
}
