using Pppk.Workflow.Testing;

namespace Pppk.Workflow.Engine.Tests.Support;

/// <summary>Finds the public BPMN MIWG corpus (when present, see <see cref="ConformanceSuite"/>) and the reference diagrams of this project.</summary>
public static class Corpus
{
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Pppk.Workflow.sln")))
                return dir.FullName;
        throw new InvalidOperationException("Pppk.Workflow.sln not found above " + AppContext.BaseDirectory);
    }

    public static string MiwgDirectory => ConformanceSuite.BpmnMiwg.Directory;

    public static string DiagramsDirectory => Path.Combine(RepositoryRoot(), "tests", "Pppk.Workflow.Engine.Tests", "Diagrams");

    public static IEnumerable<object[]> MiwgFiles() =>
        ConformanceSuite.BpmnMiwg.Files("*.bpmn").Select(f => new object[] { Path.GetFileName(f) });

    public static IEnumerable<object[]> DiagramFiles() =>
        Directory.GetFiles(DiagramsDirectory, "*.bpmn").OrderBy(f => f).Select(f => new object[] { Path.GetFileName(f) });
}
