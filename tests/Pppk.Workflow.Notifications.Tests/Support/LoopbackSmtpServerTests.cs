using System.Net.Sockets;
using System.Text;
using Pppk.Workflow.Benchmarks.Email;

namespace Pppk.Workflow.Notifications.Tests.Support;

/// <summary>
/// The loopback SMTP server the crash and delivery tests count deliveries on: a message counts once its final "." came,
/// as on a real server. A sender killed inside a message (the crash test kills the host mid-send) delivered nothing.
/// </summary>
public sealed class LoopbackSmtpServerTests
{
    [Fact]
    public async Task A_message_cut_off_before_its_final_dot_is_not_received_and_a_whole_one_is()
    {
        await using var smtp = LoopbackSmtpServer.Start();
        await SendAsync(smtp.Port, "Subject: terpotong\r\n\r\nbaris pertama\r\n", finish: false);
        await SendAsync(smtp.Port, "Message-ID: <utuh@contoh.id>\r\nSubject: utuh\r\n\r\nisi\r\n", finish: true);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (smtp.Count < 1 && DateTime.UtcNow < deadline) await Task.Delay(20);
        await Task.Delay(200); // a wrongly counted cut-off message would be in by now too
        Assert.Equal(["utuh@contoh.id"], smtp.Messages.Select(m => m.MessageId));
    }

    private static async Task SendAsync(int port, string message, bool finish)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port);
        await using var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        await reader.ReadLineAsync(); // greeting
        foreach (var command in new[] { "HELO uji", "MAIL FROM:<a@contoh.id>", "RCPT TO:<b@contoh.id>", "DATA" })
        {
            await writer.WriteLineAsync(command);
            await reader.ReadLineAsync();
        }
        await writer.WriteAsync(message);
        if (!finish) return; // the connection closes here, inside the message
        await writer.WriteLineAsync(".");
        Assert.StartsWith("250", await reader.ReadLineAsync());
        await writer.WriteLineAsync("QUIT");
        await reader.ReadLineAsync();
    }
}
