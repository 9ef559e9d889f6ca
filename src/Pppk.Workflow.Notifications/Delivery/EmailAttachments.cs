using System.Text.Json.Nodes;
using Pppk.Workflow.Runtime.Jobs;

namespace Pppk.Workflow.Notifications.Delivery;

/// <summary>A file sent with an email, copied into the outbox row when the email is queued (what was sent stays as it was).</summary>
public sealed record EmailAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>
/// Where an email task's <c>attachments</c> header finds its files: a module (the documents) resolves its own references,
/// read in the step's transaction and only within the case that sends the email. Null: not this source's reference.
/// </summary>
public interface IEmailAttachmentSource
{
    Task<EmailAttachment?> ReadAsync(StepUnitOfWork step, Guid instanceId, string reference, CancellationToken ct);
}

/// <summary>The references an <c>attachments</c> header gave (a text or a list of texts; nulls left out: a document the case did not make).</summary>
public static class AttachmentReferences
{
    public static IReadOnlyList<string>? Of(JsonNode? value) => value switch
    {
        null => [],
        JsonValue v when v.TryGetValue<string>(out var one) => [one],
        JsonArray list when list.All(i => i is null || (i is JsonValue v && v.TryGetValue<string>(out _))) => [.. list.OfType<JsonValue>().Select(i => i.GetValue<string>())],
        _ => null,
    };
}
