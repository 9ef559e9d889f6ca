using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Pppk.Workflow.Notifications.Delivery;

/// <summary>MailKit SMTP: connects on first use and keeps the connection for every later message of the drain.</summary>
public sealed class SmtpMailTransport(EmailOptions options) : IMailTransport
{
    private SmtpClient? _client;
    private int _sentOnConnection;

    /// <summary>Connections opened so far (the benchmark compares reuse with one per message).</summary>
    public int ConnectionsOpened { get; private set; }

    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        try
        {
            if (options.MaxMessagesPerConnection > 0 && _sentOnConnection >= options.MaxMessagesPerConnection) await DropAsync();
            var client = await ConnectedAsync(ct);
            await client.SendAsync(message, ct);
            _sentOnConnection++;
        }
        catch (SmtpCommandException e)
        {
            var reply = $"{(int)e.StatusCode} {e.Message}".Trim();
            var permanent = (int)e.StatusCode >= 500;
            var what = e.ErrorCode switch
            {
                SmtpErrorCode.RecipientNotAccepted => $"recipient {e.Mailbox} refused: ",
                SmtpErrorCode.SenderNotAccepted => $"sender {e.Mailbox} refused: ",
                _ => "",
            };
            // After a refused command MailKit's connection stays usable; after others we start afresh.
            throw new DeliveryException($"SMTP {what}{reply}", permanent, connectionLost: false, e);
        }
        catch (Exception e) when (e is SmtpProtocolException or IOException or SocketException or ServiceNotConnectedException
                                       or SslHandshakeException or AuthenticationException or TimeoutException
                                       || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            await DropAsync();
            throw new DeliveryException($"SMTP connection to {options.Host}:{options.Port} failed: {e.GetType().Name}: {e.Message}", permanent: false, connectionLost: true, e);
        }
    }

    private async Task<SmtpClient> ConnectedAsync(CancellationToken ct)
    {
        if (_client is { IsConnected: true }) return _client;
        await DropAsync();
        var client = new SmtpClient { Timeout = (int)options.Timeout.TotalMilliseconds, LocalDomain = options.MessageIdDomain };
        try
        {
            await client.ConnectAsync(options.Host!, options.Port, Enum.Parse<SecureSocketOptions>(options.TlsMode, ignoreCase: true), ct);
            if (!string.IsNullOrEmpty(options.UserName))
                await client.AuthenticateAsync(options.UserName, options.Password ?? "", ct);
        }
        catch
        {
            client.Dispose();
            throw;
        }
        ConnectionsOpened++;
        _sentOnConnection = 0;
        return _client = client;
    }

    private async Task DropAsync()
    {
        if (_client is null) return;
        try
        {
            if (_client.IsConnected) await _client.DisconnectAsync(true, CancellationToken.None);
        }
        catch (Exception e) when (e is IOException or SocketException or SmtpProtocolException or SmtpCommandException or ServiceNotConnectedException)
        {
            // Already gone; nothing to close politely.
        }
        _client.Dispose();
        _client = null;
    }

    public async ValueTask DisposeAsync() => await DropAsync();
}
