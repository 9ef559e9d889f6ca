namespace Pppk.Workflow.Notifications.Tests.Support;

public static class Repo
{
    /// <summary>The repository root (the folder with Pppk.Workflow.sln).</summary>
    public static string Root { get; } = Find();

    public static string Templates => Path.Combine(Root, "workflows", "templates");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Pppk.Workflow.sln"))) return dir.FullName;
        throw new InvalidOperationException("Pppk.Workflow.sln not found above " + AppContext.BaseDirectory);
    }
}
