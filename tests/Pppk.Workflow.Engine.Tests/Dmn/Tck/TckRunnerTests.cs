using System.Text;
using Pppk.Workflow.Testing;
using Xunit.Abstractions;

namespace Pppk.Workflow.Engine.Tests.Dmn.Tck;

/// <summary>
/// The DMN TCK (github.com/dmn-tck/tck, TestCases folder) as a test: every case is run, the results written as the
/// published CSV (folder, test file, test case id, SUCCESS|ERROR|IGNORED, detail) beside the test assembly, totals
/// printed per compliance level. It fails when a case fails that known-failures.txt does not list, or a listed one passes.
/// </summary>
public class TckRunnerTests(ITestOutputHelper output)
{
    [ConformanceFact(Suite.DmnTck)]
    public void Every_tck_case_passes_except_the_known_failures()
    {
        var results = TckSuite.Run(ConformanceSuite.DmnTck.Directory).ToList();
        WriteCsv(results);
        foreach (var level in results.GroupBy(r => r.Level).OrderBy(g => g.Key))
            output.WriteLine($"{level.Key}: {level.Count(r => r.Outcome == "SUCCESS")} passed of {level.Count()} test cases");
        output.WriteLine($"total: {results.Count(r => r.Outcome == "SUCCESS")} passed of {results.Count}");

        var known = KnownFailures();
        var unexpected = results.Where(r => r.Outcome != "SUCCESS" && !known.ContainsKey(r.Key)).ToList();
        var nowPassing = results.Where(r => r.Outcome == "SUCCESS" && known.ContainsKey(r.Key)).Select(r => r.Key).ToList();
        var message = new StringBuilder();
        if (unexpected.Count > 0)
            message.AppendLine($"{unexpected.Count} TCK cases fail that known-failures.txt does not list:")
                .AppendJoin("\n", unexpected.Select(r => $"  {r.Key}  {r.Detail}")).AppendLine();
        if (nowPassing.Count > 0)
            message.AppendLine($"{nowPassing.Count} cases in known-failures.txt pass now; remove them:")
                .AppendJoin("\n", nowPassing.Select(k => "  " + k)).AppendLine();
        Assert.True(message.Length == 0, message.ToString());
    }

    /// <summary><c>folder/testfile/caseid  reason</c> lines; # starts a comment.</summary>
    private static Dictionary<string, string> KnownFailures()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Dmn", "Tck", "known-failures.txt");
        var known = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadAllLines(path))
        {
            var text = line.Trim();
            if (text.Length == 0 || text.StartsWith('#'))
                continue;
            var space = text.IndexOfAny([' ', '\t']);
            known[space < 0 ? text : text[..space]] = space < 0 ? "" : text[space..].Trim();
        }
        return known;
    }

    /// <summary>Results may quote half a surrogate pair (a string function's output): written replaced, not thrown.</summary>
    private static readonly UTF8Encoding Utf8 = new(false);

    /// <summary>The results beside the test assembly; the failures also where PPPK_DMN_TCK_FAILURES points (a working copy for FEEL work).</summary>
    private void WriteCsv(List<TckResult> results)
    {
        var csv = Path.Combine(AppContext.BaseDirectory, "dmn-tck-results.csv");
        File.WriteAllLines(csv, results.Select(r => r.Csv), Utf8);
        var failures = results.Where(r => r.Outcome != "SUCCESS").Select(r => r.Csv).ToList();
        File.WriteAllLines(Path.Combine(AppContext.BaseDirectory, "dmn-tck-failures.csv"), failures, Utf8);
        if (Environment.GetEnvironmentVariable("PPPK_DMN_TCK_FAILURES") is { Length: > 0 } extra)
            File.WriteAllLines(extra, failures, Utf8);
        output.WriteLine($"results: {csv}");
    }
}
