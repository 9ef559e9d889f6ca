using System.Collections.Concurrent;
using Pppk.Workflow.Domain.Data;

namespace Pppk.Workflow.Domain.Documents;

/// <summary>
/// The template documents are generated from: the newest uploaded version of the kind, else the built-in file. Loaded
/// templates are kept by content hash, so each generation reads only the newest version's number and hash.
/// </summary>
public static class CurrentTemplates
{
    private static readonly ConcurrentDictionary<string, DocxTemplate> Loaded = new();

    public static async Task<DocxTemplate> ForAsync(PppkDbContext db, DocumentKind kind, CancellationToken ct)
    {
        if (await DocumentTemplateTable.CurrentAsync(db, kind, ct) is not { } current) return DefaultDocumentTemplates.For(kind);
        var key = kind.Code() + ":" + Convert.ToHexString(current.Sha256);
        if (Loaded.TryGetValue(key, out var template)) return template;
        var bytes = await DocumentTemplateTable.BytesAsync(db, kind, current.Version, ct) ?? throw new InvalidOperationException($"Template {kind.Code()} version {current.Version} vanished.");
        return Loaded.GetOrAdd(key, _ => DocxTemplate.Load(bytes, KindPlaceholders.For(kind)));
    }
}
