using System.Diagnostics;
using Pppk.Workflow.Testing;
using Xunit.Abstractions;

namespace Pppk.Workflow.Host.Tests.Load;

/// <summary>
/// A power cut in a burst of reminders: 2,000 timers fall due at once, each firing a step whose send task queues an
/// email (rendered in the step, written with the step's flush); the host is SIGKILLed while the drains commit batches
/// of them, started again, and every timer must have fired exactly once, with exactly one email queued and delivered
/// per instance.
/// </summary>
[Trait("Category", "Load")]
[Collection("Load")]
public sealed class TimerBurstCrashTests(ITestOutputHelper output)
{
    private const int Instances = 2000;
    private const string Key = "burst_reminder";

    [Fact]
    public async Task Killed_host_fires_every_timer_once_and_queues_each_email_once()
    {
        var clock = Stopwatch.StartNew();
        var cs = await TestCluster.CreateDatabaseAsync("burstcrash");
        var pickup = Path.Combine(Path.GetTempPath(), $"pppk-burstcrash-{Guid.NewGuid():N}");
        var settings = new Dictionary<string, string> { ["Email__PickupDirectory"] = pickup };
        HostProcess? host = null;
        try
        {
            host = HostProcess.Start("burstcrash-1", cs, "web,worker", settings);
            await host.WaitReadyAsync(cs, TimeSpan.FromSeconds(180));
            using (var http = host.Client())
            {
                await new WorkflowApiClient(http).DeployAsync(Bpmn.Chain(Key,
                    Bpmn.TimerCatch("tunggu", "PT5S"),
                    Bpmn.EmailTask("kirim", 3, ("template", "pengingat-tugas"), ("to", "=businessKey + \"@contoh.go.id\"")).Replace("</bpmn:extensionElements>",
                        "<zeebe:ioMapping><zeebe:input source=\"=&quot;Evaluasi kinerja&quot;\" target=\"nama_tugas\"/><zeebe:input source=\"=&quot;Evaluasi kinerja PPPK&quot;\" target=\"proses\"/></zeebe:ioMapping></bpmn:extensionElements>")));
                // One call: every timer falls due within the same second or so.
                Assert.Equal(Instances, await LoadDb.BatchStartAsync(http, Key, Instances, chunk: Instances));
            }
            output.WriteLine($"{clock.Elapsed.TotalSeconds:F1}s: {Instances} reminders started");

            // Kill once the drains committed some batches, while they are inside the next ones.
            var midway = await LoadDb.WaitUntilAsync(async () => await EmailsAsync(cs) >= 200, TimeSpan.FromSeconds(90), TimeSpan.FromMilliseconds(20));
            Assert.True(midway, "the timers never fired");
            host.Kill();
            var (emailsAtKill, timersAtKill) = (await EmailsAsync(cs), await LoadDb.ScalarAsync(cs, "SELECT count(*) FROM pppk.timers"));
            output.WriteLine($"{clock.Elapsed.TotalSeconds:F1}s: SIGKILL with {emailsAtKill} emails queued, {timersAtKill} timers left");
            Assert.True(timersAtKill > 0, "every timer fired before the kill; the crash proved nothing");
            Assert.Equal(Instances - timersAtKill, emailsAtKill); // a fired timer's step and its email committed together

            host = HostProcess.Start("burstcrash-2", cs, "web,worker", settings);
            await host.WaitReadyAsync(cs, TimeSpan.FromSeconds(180));
            output.WriteLine($"{clock.Elapsed.TotalSeconds:F1}s: restarted");
            var done = await LoadDb.WaitUntilAsync(async () => await LoadDb.CompletedAsync(cs, Key) == Instances
                && await LoadDb.ScalarAsync(cs, "SELECT count(*) FROM pppk.emails WHERE status = 'sent'") == Instances, TimeSpan.FromMinutes(3), TimeSpan.FromSeconds(1));

            var completed = await LoadDb.CompletedAsync(cs, Key);
            var emails = await EmailsAsync(cs);
            var notOnce = await LoadDb.ScalarAsync(cs, "SELECT count(*) FROM (SELECT instance_id FROM pppk.emails GROUP BY instance_id HAVING count(*) <> 1) x");
            var fired = await LoadDb.ScalarAsync(cs, "SELECT count(*) FROM pppk.history WHERE element_id = 'tunggu' AND ended_at IS NOT NULL");
            var timers = await LoadDb.ScalarAsync(cs, "SELECT count(*) FROM pppk.timers");
            var incidents = await LoadDb.ScalarAsync(cs, "SELECT count(*) FROM pppk.incidents WHERE resolved_at IS NULL");
            var files = Directory.Exists(pickup) ? Directory.GetFiles(pickup, "*.eml").Length : 0;
            output.WriteLine($"{clock.Elapsed.TotalSeconds:F1}s: completed {completed}; emails {emails} (instances with other than one {notOnce}); " +
                             $"timers fired {fired}, left {timers}; open incidents {incidents}; delivered files {files}");

            Assert.True(done, $"only {completed} of {Instances} completed (or not every email sent) within 3 minutes");
            Assert.Equal(Instances, completed);
            Assert.Equal(Instances, fired);
            Assert.Equal(0, timers);
            Assert.Equal(Instances, emails);
            Assert.Equal(0, notOnce);
            Assert.Equal(0, incidents);
            Assert.Equal(Instances, files);
        }
        catch
        {
            if (host is not null) output.WriteLine(host.Output());
            throw;
        }
        finally
        {
            host?.Dispose();
            await TestCluster.DropDatabaseAsync(cs);
            if (Directory.Exists(pickup)) Directory.Delete(pickup, true);
        }
    }

    private static Task<long> EmailsAsync(string cs) => LoadDb.ScalarAsync(cs, $"SELECT count(*) FROM pppk.emails WHERE template = 'pengingat-tugas'");
}
