using Microsoft.Extensions.Options;

namespace Pppk.Workflow.Notifications.Delivery;

/// <summary>Chooses SMTP when a host is configured, else the pickup folder.</summary>
public sealed class EmailTransportFactory(IOptions<EmailOptions> options, string pickupDirectory)
{
    public IMailTransport Create() => options.Value.UsesSmtp ? new SmtpMailTransport(options.Value) : new PickupMailTransport(pickupDirectory);
}
