using MimeKit;

namespace Pppk.Workflow.Notifications.Delivery;

/// <summary>
/// No SMTP server configured: each message becomes <c>&lt;message-id&gt;.eml</c> in the pickup folder. Written to a
/// temporary name and renamed, so a reader never sees half a file and a re-send replaces instead of duplicating.
/// </summary>
public sealed class PickupMailTransport(string directory) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        try
        {
            Directory.CreateDirectory(directory);
            var name = string.Concat((message.MessageId ?? Guid.NewGuid().ToString("N")).Select(c => char.IsLetterOrDigit(c) || c is '-' or '.' or '_' ? c : '_'));
            var path = Path.Combine(directory, name + ".eml");
            var temp = path + ".tmp";
            await message.WriteToAsync(temp, ct);
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DeliveryException($"Cannot write to the pickup folder {directory}: {e.Message}", permanent: false, connectionLost: true, e);
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
