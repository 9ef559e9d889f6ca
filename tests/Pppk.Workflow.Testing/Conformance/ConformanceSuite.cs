namespace Pppk.Workflow.Testing;

/// <summary>
/// A public conformance suite some tests read (the BPMN MIWG diagrams, the DMN TCK). It is not part of the repository:
/// it is found through an environment variable, else beside the repository root in ../shared, and the tests that need
/// it are skipped, saying where to get it, when it is absent (a bare clone still passes).
/// </summary>
public sealed class ConformanceSuite
{
    public static readonly ConformanceSuite BpmnMiwg = new(
        "BPMN MIWG test suite", "PPPK_BPMN_CORPUS", Path.Combine("bpmn-corpus", "miwg"),
        "https://github.com/bpmn-miwg/bpmn-miwg-test-suite (the *.bpmn reference files)");

    public static readonly ConformanceSuite DmnTck = new(
        "DMN TCK", "PPPK_DMN_TCK", "dmn-tck", "https://github.com/dmn-tck/tck (the TestCases folder)");

    private readonly string _name;
    private readonly string _variable;
    private readonly string _sharedPath;
    private readonly string _source;

    private ConformanceSuite(string name, string variable, string sharedPath, string source)
    {
        _name = name;
        _variable = variable;
        _sharedPath = sharedPath;
        _source = source;
    }

    /// <summary>The suite's folder: the environment variable when set, else ../shared beside the repository root (it may not exist).</summary>
    public string Directory
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable(_variable);
            return string.IsNullOrWhiteSpace(configured)
                ? Path.GetFullPath(Path.Combine(RepositoryRoot(), "..", "shared", _sharedPath))
                : Path.GetFullPath(configured);
        }
    }

    public bool IsPresent => System.IO.Directory.Exists(Directory);

    /// <summary>Why the tests that need the suite are skipped: where it was looked for and where to get it.</summary>
    public string SkipReason =>
        $"{_name} not found at {Directory}: set {_variable} to its folder, or put it at ../shared/{_sharedPath.Replace('\\', '/')} " +
        $"beside the repository; get it from {_source}.";

    /// <summary>The suite's files matching <paramref name="pattern"/> (none when the suite is absent), in name order.</summary>
    public IEnumerable<string> Files(string pattern) =>
        IsPresent ? System.IO.Directory.GetFiles(Directory, pattern).Order(StringComparer.Ordinal) : [];

    public override string ToString() => _name;

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Pppk.Workflow.sln")))
                return dir.FullName;
        throw new InvalidOperationException("Pppk.Workflow.sln not found above " + AppContext.BaseDirectory);
    }
}
