using MimeKit;

namespace Pppk.Workflow.Notifications.Delivery;

/// <summary>A queued row as a MIME message: plain text and HTML alternatives, the stored Message-ID.</summary>
public static class EmailMessage
{
    public static MimeMessage Build(EmailTable.Claimed row, EmailOptions options)
    {
        var message = new MimeMessage { MessageId = row.MessageId, Subject = row.Subject, Date = row.CreatedAt };
        message.From.Add(new MailboxAddress(options.FromName, options.From));
        try
        {
            foreach (var to in row.To) message.To.Add(MailboxAddress.Parse(to));
            foreach (var cc in row.Cc) message.Cc.Add(MailboxAddress.Parse(cc));
        }
        catch (ParseException e)
        {
            throw new DeliveryException($"Invalid recipient address: {e.Message}", permanent: true, connectionLost: false, e);
        }
        if (message.To.Count == 0 && message.Cc.Count == 0)
            throw new DeliveryException("The email has no recipient.", permanent: true, connectionLost: false);
        message.Headers.Add("X-Pppk-Email-Id", row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var body = new BodyBuilder { TextBody = row.Text, HtmlBody = row.Html };
        foreach (var a in row.Attachments) body.Attachments.Add(a.FileName, a.Content, ContentType.Parse(a.ContentType));
        message.Body = body.ToMessageBody();
        return message;
    }
}
