using Microsoft.EntityFrameworkCore;
using Pppk.Workflow.Notifications.Delivery;
using Pppk.Workflow.Runtime.Jobs;

namespace Pppk.Workflow.Domain.Documents;

/// <summary>An email task's attachment by document id: the PDF as stored now (signed, once signed), only of the case that sends the email.</summary>
internal sealed class DocumentAttachments : IEmailAttachmentSource
{
    public async Task<EmailAttachment?> ReadAsync(StepUnitOfWork step, Guid instanceId, string reference, CancellationToken ct)
    {
        if (!Guid.TryParse(reference, out var id)) return null;
        var db = await step.DbContextAsync<Data.PppkDbContext>(ct);
        var found = await db.Set<DocumentRecord>().AsNoTracking().Where(d => d.Id == id && d.InstanceId == instanceId)
            .Select(d => new { d.Kind, d.Number, d.Pdf }).SingleOrDefaultAsync(ct);
        return found is null ? null : new EmailAttachment(DocumentFiles.FileName(found.Kind, found.Number), "application/pdf", found.Pdf);
    }
}

/// <summary>How a document's PDF is named when downloaded or attached: its kind and number, safe in every file system.</summary>
public static class DocumentFiles
{
    public static string FileName(string kind, string number)
    {
        var safe = new string([.. number.Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' ? c : '_')]).Trim('_');
        return $"{kind}-{(safe.Length == 0 ? "draf" : safe)}.pdf";
    }
}
