using MimeKit;
using Pppk.Workflow.Notifications.Tests.Support;
using Pppk.Workflow.Testing;
using static Pppk.Workflow.Testing.Bpmn;

namespace Pppk.Workflow.Notifications.Tests.Delivery;

/// <summary>The embedded default: no SMTP host, so emails become .eml files in the pickup folder.</summary>
public sealed class PickupHost : TestHost
{
    public string Pickup { get; } = Directory.CreateTempSubdirectory("pppk-pickup").FullName;

    protected override Dictionary<string, string?> Settings()
    {
        var s = base.Settings();
        s["Email:Host"] = "";
        s["Email:PickupDirectory"] = Pickup;
        s["Email:Digest:Enabled"] = "false";
        s["Jobs:QueuePollInterval"] = "00:00:00.200";
        return s;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(Pickup, recursive: true);
    }
}

public sealed class PickupTests(PickupHost host) : IClassFixture<PickupHost>
{
    [Fact]
    public async Task Without_SMTP_the_email_is_an_eml_file_in_the_pickup_folder_and_listed_as_sent()
    {
        var api = new WorkflowApiClient(host.Client());
        var emails = new EmailApi(host.Client());
        await api.DeployAsync(Chain("pickup", EmailTask("kirim", 3, ("template", "hasil-evaluasi"), ("to", "=[email, \"kedua@contoh.id\"]"))));
        var id = (string)(await api.StartAsync("pickup", new { email = "pegawai@contoh.id", nama = "Dewi", periode = "Triwulan II 2025", predikat = "Sangat Baik", penilai = "Kepala Dinas" }))["id"]!;
        await api.WaitForStatusAsync(id, "completed");
        var row = (await emails.WaitForAsync(l => (string?)l["items"]![0]!["status"] == "sent", $"&instanceId={id}"))["items"]![0]!;

        var file = Assert.Single(Directory.GetFiles(host.Pickup, "*.eml"));
        var message = await MimeMessage.LoadAsync(file);
        Assert.Equal((string?)row["messageId"], message.MessageId);
        Assert.Equal("Hasil Evaluasi Kinerja Triwulan II 2025: Sangat Baik", message.Subject);
        Assert.Equal(["pegawai@contoh.id", "kedua@contoh.id"], message.To.Mailboxes.Select(m => m.Address));
        Assert.Contains("Sangat Baik", message.TextBody);
        Assert.Contains("<strong>Sangat Baik</strong>", message.HtmlBody);
    }
}
