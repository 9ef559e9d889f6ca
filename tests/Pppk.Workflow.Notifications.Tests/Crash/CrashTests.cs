using System.Net.Http.Json;
using Npgsql;
using Pppk.Workflow.Benchmarks.Email;
using Pppk.Workflow.Notifications.Tests.Support;
using Pppk.Workflow.Testing;
using Xunit.Abstractions;
using static Pppk.Workflow.Testing.Bpmn;

namespace Pppk.Workflow.Notifications.Tests.Crash;

public sealed class CrashTests(TestDatabase database, ITestOutputHelper output) : IClassFixture<TestDatabase>
{
    private const int Emails = 1000;

    /// <summary>The README's bound: at most one duplicate per sender running at the crash (one sender by default).</summary>
    private const int DuplicateBound = 1;

    [Fact]
    public async Task Killing_the_host_while_1000_emails_are_delivered_loses_none_and_duplicates_at_most_one()
    {
        await using var smtp = LoopbackSmtpServer.Start();
        smtp.AcceptDelay = TimeSpan.FromMilliseconds(10);
        var logs = Path.Combine(Path.GetTempPath(), $"pppk-crash-{Guid.NewGuid():N}");
        var env = new Dictionary<string, string>
        {
            ["ConnectionStrings__Pppk"] = database.ConnectionString,
            ["Auth__BootstrapApiKey"] = TestHost.BootstrapKey,
            ["Serilog__MinimumLevel__Default"] = "Warning",
            ["Serilog__WriteTo__1__Args__path"] = Path.Combine(logs, "host-.log"),
            ["Jobs__QueuePollInterval"] = "00:00:00.200",
        };
        foreach (var (k, v) in EmailHost.EmailSettings(smtp.Port)) env[k.Replace(":", "__", StringComparison.Ordinal)] = v!;

        var first = await HostProcess.StartAsync(env, TimeSpan.FromSeconds(60));
        try
        {
            using var http = new HttpClient { BaseAddress = first.Url };
            http.DefaultRequestHeaders.Add("X-Api-Key", TestHost.BootstrapKey);
            var api = new WorkflowApiClient(http);
            await api.DeployAsync(Process("crash", """
                <bpmn:startEvent id="start"/>
                <bpmn:sendTask id="kirim" name="Kirim"><bpmn:extensionElements><zeebe:taskDefinition type="email" retries="3"/>
                  <zeebe:taskHeaders><zeebe:header key="template" value="pengingat-tugas"/><zeebe:header key="to" value="=penerima"/></zeebe:taskHeaders>
                </bpmn:extensionElements>
                  <bpmn:multiInstanceLoopCharacteristics isSequential="false"><bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=daftar" inputElement="penerima"/></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics>
                </bpmn:sendTask>
                <bpmn:endEvent id="end"/>
                """ + Flow("f1", "start", "kirim") + Flow("f2", "kirim", "end")));
            var people = Enumerable.Range(1, Emails).Select(i => $"pegawai{i:0000}@contoh.id").ToArray();
            var started = (await http.PostAsJsonAsync("/api/instances", new { definitionKey = "crash", variables = new { daftar = people, nama_tugas = "Unggah SKP", proses = "Evaluasi kinerja" } }));
            started.EnsureSuccessStatusCode();

            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (smtp.Count < Emails / 3 && DateTime.UtcNow < deadline) await Task.Delay(20);
            Assert.True(smtp.Count >= Emails / 3, $"only {smtp.Count} delivered before the kill");
        }
        finally
        {
            first.Kill();
        }
        var atKill = smtp.Count;
        output.WriteLine($"killed after {atKill} messages");
        Assert.True(atKill < Emails, "every email was delivered before the kill; slow the server down");

        await using var second = await HostProcess.StartAsync(env, TimeSpan.FromSeconds(60));
        var end = DateTime.UtcNow.AddSeconds(120);
        long sent = 0;
        while (DateTime.UtcNow < end)
        {
            sent = await CountAsync("SELECT count(*) FROM pppk.emails WHERE status = 'sent'");
            if (sent == Emails) break;
            await Task.Delay(250);
        }
        Assert.Equal(Emails, sent);
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM pppk.emails WHERE status <> 'sent'"));

        var received = smtp.Messages;
        var distinct = received.Select(m => m.MessageId).Distinct().Count();
        output.WriteLine($"received {received.Count} messages, {distinct} distinct, {received.Count - distinct} duplicates");
        Assert.Equal(Emails, distinct);
        Assert.InRange(received.Count - distinct, 0, DuplicateBound);
        try { Directory.Delete(logs, recursive: true); } catch (IOException) { }
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }
}
