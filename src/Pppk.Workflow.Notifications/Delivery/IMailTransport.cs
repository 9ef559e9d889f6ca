using MimeKit;

namespace Pppk.Workflow.Notifications.Delivery;

/// <summary>Where a sender hands messages: an SMTP server (one connection for a whole drain) or the pickup folder.</summary>
public interface IMailTransport : IAsyncDisposable
{
    /// <summary>Sends one message; throws <see cref="DeliveryException"/> saying whether a retry may succeed.</summary>
    Task SendAsync(MimeMessage message, CancellationToken ct);
}

/// <summary>A delivery that did not happen: transient (retry later) or permanent (the server refused it for good).</summary>
public sealed class DeliveryException(string message, bool permanent, bool connectionLost, Exception? inner = null) : Exception(message, inner)
{
    public bool Permanent { get; } = permanent;

    /// <summary>The connection is gone; the rest of the batch waits for the next drain.</summary>
    public bool ConnectionLost { get; } = connectionLost;
}
