using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Pppk.Workflow.Benchmarks.Email;

/// <summary>
/// A small scripted SMTP server on 127.0.0.1 for tests and the email benchmark: it can be slow, refuse recipients with
/// 550, answer 4xx, go down and come back on the same port, and it counts every accepted message by Message-ID.
/// </summary>
public sealed partial class LoopbackSmtpServer : IAsyncDisposable
{
    private TcpListener? _listener;
    private CancellationTokenSource _stop = new();
    private readonly ConcurrentBag<TcpClient> _clients = [];
    private readonly ConcurrentQueue<Received> _messages = new();
    private int _connections;

    public sealed record Received(string MessageId, IReadOnlyList<string> Recipients, string Raw);

    public int Port { get; private set; }

    /// <summary>Wait before the 220 greeting (a distant server, or a TLS handshake, costs this per connection).</summary>
    public TimeSpan GreetingDelay { get; set; }

    /// <summary>Wait before answering 250 to the end of DATA (a slow server).</summary>
    public TimeSpan AcceptDelay { get; set; }

    /// <summary>Recipients answered with "550 5.1.1 ... User unknown".</summary>
    public Func<string, bool> RejectRecipient { get; set; } = _ => false;

    /// <summary>When set, the end of DATA is answered with this reply (e.g. "451 4.3.0 Try again later") and nothing is stored.</summary>
    public string? DataReply { get; set; }

    public int Connections => Volatile.Read(ref _connections);

    public IReadOnlyList<Received> Messages => [.. _messages];

    public int Count => _messages.Count;

    public static LoopbackSmtpServer Start(int port = 0)
    {
        var server = new LoopbackSmtpServer();
        server.Listen(port);
        return server;
    }

    /// <summary>(Re)starts listening on the same port as before, or on <paramref name="port"/>.</summary>
    public void Listen(int port = 0)
    {
        _stop = new CancellationTokenSource();
        var listener = new TcpListener(IPAddress.Loopback, port == 0 ? Port : port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start(512);
        _listener = listener;
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        _ = AcceptLoopAsync(listener, _stop.Token);
    }

    /// <summary>Stops listening and drops every open connection (the server is "down").</summary>
    public void Stop()
    {
        _stop.Cancel();
        _listener?.Stop();
        _listener = null;
        while (_clients.TryTake(out var c)) c.Dispose();
    }

    private async Task AcceptLoopAsync(TcpListener listener, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await listener.AcceptTcpClientAsync(ct); }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException) { return; }
            Interlocked.Increment(ref _connections);
            _clients.Add(client);
            _ = Task.Run(() => ServeAsync(client, ct), CancellationToken.None);
        }
    }

    private async Task ServeAsync(TcpClient client, CancellationToken ct)
    {
        try
        {
            using var _ = client;
            client.NoDelay = true;
            var stream = client.GetStream();
            var reader = new StreamReader(stream, Encoding.Latin1, false, 8192);
            var writer = new StreamWriter(stream, Encoding.Latin1, 8192) { NewLine = "\r\n", AutoFlush = true };
            if (GreetingDelay > TimeSpan.Zero) await Task.Delay(GreetingDelay, ct);
            await writer.WriteLineAsync("220 localhost ESMTP loopback");
            var recipients = new List<string>();
            while (!ct.IsCancellationRequested)
            {
                var line = await reader.ReadLineAsync(ct);
                if (line is null) return;
                var verb = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await writer.WriteAsync("250-localhost\r\n250 8BITMIME\r\n");
                        break;
                    case "HELO" or "NOOP":
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "RSET":
                        recipients.Clear();
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "MAIL":
                        recipients.Clear();
                        await writer.WriteLineAsync("250 2.1.0 OK");
                        break;
                    case "RCPT":
                        var address = AddressPattern().Match(line).Groups[1].Value;
                        if (RejectRecipient(address))
                            await writer.WriteLineAsync($"550 5.1.1 <{address}>: Recipient address rejected: User unknown");
                        else
                        {
                            recipients.Add(address);
                            await writer.WriteLineAsync("250 2.1.5 OK");
                        }
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        var data = new StringBuilder();
                        var ended = false;
                        while (await reader.ReadLineAsync(ct) is { } dataLine)
                        {
                            if (dataLine == ".")
                            {
                                ended = true;
                                break;
                            }
                            data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                        }
                        // The client went away inside the message (a host killed mid-send): a server keeps nothing of a
                        // message whose final "." never came (RFC 5321, 4.1.1.4). Counted, it was a delivery that never was.
                        if (!ended) return;
                        if (AcceptDelay > TimeSpan.Zero) await Task.Delay(AcceptDelay, ct);
                        if (DataReply is { } reply)
                        {
                            await writer.WriteLineAsync(reply);
                            break;
                        }
                        var raw = data.ToString();
                        _messages.Enqueue(new Received(MessageIdPattern().Match(raw).Groups[1].Value, [.. recipients], raw));
                        await writer.WriteLineAsync("250 2.0.0 OK queued");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 2.0.0 Bye");
                        return;
                    default:
                        await writer.WriteLineAsync("502 5.5.2 Command not recognized");
                        break;
                }
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away or the server was stopped.
        }
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }

    [GeneratedRegex("<([^>]*)>")]
    private static partial Regex AddressPattern();

    [GeneratedRegex(@"(?im)^Message-ID:\s*<([^>]+)>")]
    private static partial Regex MessageIdPattern();
}
