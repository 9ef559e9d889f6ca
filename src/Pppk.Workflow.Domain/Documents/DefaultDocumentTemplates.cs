using System.Collections.Concurrent;

namespace Pppk.Workflow.Domain.Documents;

/// <summary>The templates shipped in <c>workflows/documents/</c> (embedded), loaded and checked once per kind.</summary>
public static class DefaultDocumentTemplates
{
    private static readonly ConcurrentDictionary<DocumentKind, DocxTemplate> Loaded = new();

    public static DocxTemplate For(DocumentKind kind) => Loaded.GetOrAdd(kind, k => DocxTemplate.Load(Bytes(k), KindPlaceholders.For(k)));

    public static byte[] Bytes(DocumentKind kind)
    {
        var name = "documents/" + kind.TemplateFile();
        using var stream = typeof(DefaultDocumentTemplates).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The template {name} is not embedded in the domain assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
