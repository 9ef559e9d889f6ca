using Pppk.Workflow.Domain.Documents;
using Xunit;

namespace Pppk.Workflow.Domain.Tests.Documents;

/// <summary>
/// The .docx files in <c>workflows/documents/</c> are written by <see cref="DefaultTemplates"/>: run the tests with
/// <c>PPPK_WRITE_DOCUMENT_TEMPLATES=1</c> to write them again; otherwise this checks the committed files say the same.
/// </summary>
public sealed class DefaultTemplatesTests
{
    public static TheoryData<DocumentKind> Kinds => new(Enum.GetValues<DocumentKind>());

    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_committed_template_is_the_generated_one_and_loads(DocumentKind kind)
    {
        var generated = DefaultTemplates.For(kind);
        // Only a changed text is written: the package's timestamps would otherwise change every file each time.
        var file = Path.Combine(RepositoryRoot(), "workflows", "documents", kind.TemplateFile());
        if (Environment.GetEnvironmentVariable("PPPK_WRITE_DOCUMENT_TEMPLATES") == "1" && (!File.Exists(file) || !DocxText.Paragraphs(generated).SequenceEqual(DocxText.Paragraphs(File.ReadAllBytes(file)))))
            File.WriteAllBytes(file, generated);

        Assert.Equal(DocxText.Paragraphs(generated), DocxText.Paragraphs(DefaultDocumentTemplates.Bytes(kind)));
        Assert.NotEmpty(DefaultDocumentTemplates.For(kind).Names);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Pppk.Workflow.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("The repository root (Pppk.Workflow.sln) was not found above the test's output.");
    }
}
