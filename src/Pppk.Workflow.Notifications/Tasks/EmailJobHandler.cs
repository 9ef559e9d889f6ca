using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pppk.Workflow.Engine.Feel;
using Pppk.Workflow.Engine.Jobs;
using Pppk.Workflow.Notifications.Delivery;
using Pppk.Workflow.Notifications.Recipients;
using Pppk.Workflow.Notifications.Templates;
using Pppk.Workflow.Runtime.Jobs;

namespace Pppk.Workflow.Notifications.Tasks;

/// <summary>
/// Job type <c>email</c> (send and service tasks), inline: renders the template with the task's variables and queues the
/// email in the step's transaction, so the task completes exactly when the email is durably queued; delivery is
/// tracked on the email. A template or header error is a failure, which becomes an incident once retries are spent.
/// </summary>
public sealed class EmailJobHandler(EmailTemplates templates, RecipientService recipients, EmailQueue queue, FeelEnvironment feel,
    ILogger<EmailJobHandler> logger, IEnumerable<IEmailAttachmentSource> attachmentSources, IOptions<EmailOptions> options) : IDescribedJobHandler
{
    public const string JobType = "email";

    public string Type => JobType;

    public bool Inline => true;

    /// <summary>It reads in the step and writes its email with the step's flush (<see cref="EmailQueue.Queue"/>).</summary>
    public bool WritesWithStep => true;

    /// <summary>Its template choices are the templates loaded now, so the designer never offers one without files.</summary>
    public JobDescription Description => new("Kirim email", "Mengirim email bertemplat kepada penerima; email masuk antrean kirim saat langkah ini selesai.")
    {
        ElementType = "bpmn:SendTask",
        Headers =
        [
            new("template", "Templat email")
            {
                Choices = [.. templates.Names.Select(n => new JobChoice(n, EmailTemplateTitles.Of(n)))],
                Default = templates.Names.FirstOrDefault(),
                Hint = "Templat di workflows/templates; variabel yang dipakai templat harus tersedia di proses atau pemetaan masukan.",
            },
            new("to", "Penerima (to)")
            {
                Hint = "Alamat email, nama pengguna, role:NAMA_PERAN, atau ekspresi FEEL yang diawali \"=\", mis. =email",
            },
            new("cc", "Tembusan (cc)", Required: false) { Hint = "Opsional; sama seperti penerima." },
            new("attachments", "Lampiran", Required: false) { Hint = "Opsional; ekspresi FEEL berisi daftar dokumen kasus ini, mis. =[skDocumentId, pkDocumentId]." },
        ],
    };

    public async Task<JobResult> HandleAsync(JobContext context, CancellationToken ct)
    {
        if (context.Step is not { } step) return new JobResult.Failure("The email handler runs inline only.");
        string name;
        EmailTemplates.Rendered rendered;
        RecipientService.Result to, cc;
        IReadOnlyList<EmailAttachment> attachments;
        try
        {
            name = TemplateName(context);
            rendered = templates.Render(name, context.Variables);
            var lookup = new RecipientLookup(step);
            if (!context.Headers.TryGetValue("to", out var toHeader) || string.IsNullOrWhiteSpace(toHeader))
                return Fail(context, $"The email task '{context.ElementId}' has no 'to' header; add one (an address, a user name, role:NAME or =expression).");
            to = await recipients.ResolveAsync("to", toHeader, context.Variables, lookup, ct);
            cc = await recipients.ResolveAsync("cc", context.Headers.GetValueOrDefault("cc"), context.Variables, lookup, ct);
            var (files, problem) = await AttachmentsAsync(context, step, ct);
            if (problem is not null) return Fail(context, problem);
            attachments = files;
        }
        catch (Exception e) when (e is TemplateRenderException or RecipientHeaderException or FeelSyntaxException or FeelLimitException)
        {
            return Fail(context, e.Message);
        }

        var problems = to.Problems.Concat(cc.Problems).ToList();
        var email = new OutgoingEmail(name, [.. to.Recipients.Select(r => r.Mailbox)], [.. cc.Recipients.Select(r => r.Mailbox)], rendered.Subject, rendered.Html, rendered.Text)
        {
            InstanceId = context.InstanceId,
            ElementId = context.ElementId,
            DedupKey = $"job:{context.JobKey}",
            Error = to.Recipients.Count == 0 ? $"No recipient with a valid address: {string.Join("; ", problems.DefaultIfEmpty("the 'to' header resolved to nobody"))}" : null,
            Warning = problems.Count > 0 ? $"Not sent to: {string.Join("; ", problems)}" : null,
            Attachments = attachments,
        };
        queue.Queue(step, [email]);
        if (email.Error is not null)
            logger.LogWarning("Email {Template} on {ElementId} has no valid recipient: {Error}", name, context.ElementId, email.Error);
        else
            step.RequestDispatch(EmailOutboxKind.Kind, $"email:{step.TransactionKey}"); // the emails of one transaction wake the sender once
        return new JobResult.Completed();
    }

    /// <summary>The files the <c>attachments</c> header names (none without it), or why not: one is unknown, or they are too large.</summary>
    private async Task<(IReadOnlyList<EmailAttachment> Files, string? Problem)> AttachmentsAsync(JobContext context, StepUnitOfWork step, CancellationToken ct)
    {
        var header = context.Headers.GetValueOrDefault("attachments")?.Trim();
        if (string.IsNullOrEmpty(header)) return ([], null);
        var value = header.StartsWith('=') ? FeelExpression.Parse(header[1..], feel.Limits).Evaluate(new JsonFeelScope(context.Variables), feel).ToJson() : JsonValue.Create(header);
        if (AttachmentReferences.Of(value) is not { } references)
            return ([], $"The 'attachments' header ({header}) gave {value?.ToJsonString() ?? "null"}, not a list of document ids");
        var files = new List<EmailAttachment>();
        foreach (var reference in references)
        {
            EmailAttachment? file = null;
            foreach (var source in attachmentSources)
                if ((file = await source.ReadAsync(step, context.InstanceId, reference, ct)) is not null) break;
            if (file is null) return ([], $"The attachment '{reference}' is not a document of this case");
            files.Add(file);
        }
        var total = files.Sum(f => (long)f.Content.Length);
        return total > options.Value.MaxAttachmentBytes
            ? ([], $"The attachments take {total} bytes, more than Email:MaxAttachmentBytes ({options.Value.MaxAttachmentBytes})")
            : (files, null);
    }

    private string TemplateName(JobContext context)
    {
        if (!context.Headers.TryGetValue("template", out var header) || string.IsNullOrWhiteSpace(header))
            throw new TemplateRenderException($"The email task '{context.ElementId}' has no 'template' header; add one naming a template of workflows/templates");
        header = header.Trim();
        if (!header.StartsWith('=')) return header;
        var value = FeelExpression.Parse(header[1..], feel.Limits).Evaluate(new JsonFeelScope(context.Variables), feel).ToJson();
        return value is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0
            ? s
            : throw new TemplateRenderException($"The 'template' header ({header}) gave {value?.ToJsonString() ?? "null"}, not a template name");
    }

    private JobResult Fail(JobContext context, string message)
    {
        logger.LogWarning("Email task {ElementId} cannot queue its email: {Error}", context.ElementId, message);
        return new JobResult.Failure(message);
    }
}
