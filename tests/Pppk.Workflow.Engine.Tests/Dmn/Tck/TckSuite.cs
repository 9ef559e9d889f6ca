using System.Xml.Linq;
using Pppk.Workflow.Engine.Dmn;
using Pppk.Workflow.Engine.Feel;

namespace Pppk.Workflow.Engine.Tests.Dmn.Tck;

/// <summary>One test case's outcome, as the published TCK result files list them.</summary>
internal sealed record TckResult(string Level, string Folder, string TestFile, string CaseId, string Outcome, string Detail)
{
    public string Key => $"{Folder}/{TestFile}/{CaseId}";

    public string Csv => string.Join(',', new[] { Folder, TestFile, CaseId, Outcome, Detail }.Select(Quote));

    private static string Quote(string s) => s.IndexOfAny([',', '"', '\n', '\r']) < 0 ? s : "\"" + s.Replace("\"", "\"\"").Replace("\r", " ").Replace("\n", " ") + "\"";
}

/// <summary>
/// Runs the DMN TCK's TestCases folders: every .dmn of a folder is read (imports resolved by namespace), every
/// *-test-*.xml evaluated and compared. A test case succeeds when every result node has the expected value.
/// </summary>
internal static class TckSuite
{
    private static readonly XNamespace T = "http://www.omg.org/spec/DMN/20160719/testcase";

    public static IEnumerable<TckResult> Run(string root)
    {
        foreach (var levelDir in Directory.GetDirectories(root).Order(StringComparer.Ordinal))
            foreach (var folder in Directory.GetDirectories(levelDir).Order(StringComparer.Ordinal))
                foreach (var result in RunFolder(Path.GetFileName(levelDir), folder))
                    yield return result;
    }

    private static IEnumerable<TckResult> RunFolder(string level, string folder)
    {
        var name = Path.GetFileName(folder);
        var (models, problems) = ReadModels(folder);
        foreach (var testFile in Directory.GetFiles(folder, "*-test-*.xml").Order(StringComparer.Ordinal))
        {
            var file = Path.GetFileName(testFile);
            var doc = XDocument.Load(testFile);
            var modelName = doc.Root!.Element(T + "modelName")?.Value.Trim() ?? "";
            models.TryGetValue(modelName, out var model);
            foreach (var testCase in doc.Root.Elements(T + "testCase"))
            {
                var id = testCase.Attribute("id")?.Value ?? "?";
                if (model is null)
                {
                    var why = problems.TryGetValue(modelName, out var p) ? p : "model not found";
                    yield return new TckResult(level, name, file, id, "ERROR", $"model {modelName} not read: {why}");
                    continue;
                }
                yield return RunCase(level, name, file, id, testCase, model, models.Values);
            }
        }
    }

    private static TckResult RunCase(string level, string folder, string file, string id, XElement testCase, DmnModel model, IEnumerable<DmnModel> all)
    {
        var variables = Inputs(testCase, model, all);
        var invocable = testCase.Attribute("invocableName")?.Value;
        var failures = new List<string>();
        foreach (var node in testCase.Elements(T + "resultNode"))
        {
            var resultName = node.Attribute("name")?.Value ?? "";
            var expectedNode = node.Element(T + "expected");
            var expected = expectedNode is null ? FeelValue.Null : TckValues.Read(expectedNode);
            FeelValue actual;
            IReadOnlyList<string> warnings = [];
            try
            {
                var evaluation = DmnEvaluator.Evaluate(model, invocable ?? resultName, variables, Environment);
                actual = evaluation.Output;
                warnings = evaluation.Warnings;
                if (invocable is not null && actual is FeelContext outputs && model.Decisions.First(d => d.Name == invocable || d.Id == invocable).RequiredDecisions.Count > 1)
                    actual = outputs.Get(resultName);
            }
            catch (DmnEvaluationException e)
            {
                actual = FeelValue.Null;
                if (!expected.IsNull)
                {
                    failures.Add($"{resultName}: {e.Code} {e.Message}");
                    continue;
                }
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                failures.Add($"{resultName}: crashed {e.GetType().Name} {e.Message}");
                continue;
            }
            if (!TckValues.Same(expected, actual))
                failures.Add($"{resultName}: expected {expected} but was {actual}" + (warnings.Count > 0 ? $" (warnings: {string.Join(" / ", warnings.Take(3))})" : ""));
        }
        return failures.Count == 0
            ? new TckResult(level, folder, file, id, "SUCCESS", "")
            : new TckResult(level, folder, file, id, "ERROR", string.Join("; ", failures));
    }

    /// <summary>UTC as the default zone: TCK values without a zone are read as local times, which is the standard's neutral choice.</summary>
    private static readonly FeelEnvironment Environment = new(TimeProvider.System, TimeZoneInfo.Utc);

    /// <summary>Input nodes by name; one naming another model's namespace goes under each import path leading to it.</summary>
    private static IFeelScope Inputs(XElement testCase, DmnModel model, IEnumerable<DmnModel> all)
    {
        var root = new Dictionary<string, FeelValue>(StringComparer.Ordinal);
        foreach (var input in testCase.Elements(T + "inputNode"))
        {
            var name = input.Attribute("name")?.Value ?? "";
            var value = TckValues.Read(input);
            var ns = input.Attribute("namespace")?.Value;
            if (ns is null || ns == model.Namespace)
                root[name] = value;
            else
                foreach (var path in ImportPaths(model, ns, all, 0))
                    Place(root, path, name, value);
        }
        return new MapScope(root);
    }

    private static IEnumerable<List<string>> ImportPaths(DmnModel from, string ns, IEnumerable<DmnModel> all, int depth)
    {
        if (depth > 5)
            yield break;
        foreach (var import in from.Imports)
        {
            if (import.Namespace == ns)
                yield return [import.Name];
            else if (all.FirstOrDefault(m => m.Namespace == import.Namespace) is { } next)
                foreach (var rest in ImportPaths(next, ns, all, depth + 1))
                    yield return [import.Name, .. rest];
        }
    }

    private static void Place(Dictionary<string, FeelValue> root, List<string> path, string name, FeelValue value)
    {
        FeelContext Nest(FeelValue existing, int at)
        {
            var entries = existing is FeelContext c ? c.Entries.ToDictionary(e => e.Key, e => e.Value) : [];
            if (at == path.Count)
                entries[name] = value;
            else
                entries[path[at]] = Nest(entries.GetValueOrDefault(path[at]) ?? FeelValue.Null, at + 1);
            return new FeelContext(entries);
        }
        root[path[0]] = Nest(root.GetValueOrDefault(path[0]) ?? FeelValue.Null, 1);
    }

    /// <summary>A model with an invalid expression still runs: that decision is null, as the TCK's error cases expect.</summary>
    private static readonly DmnReadOptions Lenient = new() { KeepModelWithFeelErrors = true };

    /// <summary>Every .dmn of the folder by file name, read once its imports are read (imports name namespaces).</summary>
    private static (Dictionary<string, DmnModel> Models, Dictionary<string, string> Problems) ReadModels(string folder)
    {
        var pending = Directory.GetFiles(folder, "*.dmn").Order(StringComparer.Ordinal)
            .Select(f => (File: Path.GetFileName(f), Xml: File.ReadAllText(f)))
            .Select(f => (f.File, f.Xml, Imports: ImportedNamespaces(f.Xml)))
            .ToList();
        var models = new Dictionary<string, DmnModel>(StringComparer.Ordinal);
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        var progress = true;
        while (pending.Count > 0 && progress)
        {
            progress = false;
            foreach (var item in pending.ToList())
            {
                var known = models.Values.ToList();
                if (!item.Imports.All(ns => known.Any(m => m.Namespace == ns)) && pending.Count > 1 && !LastChance(pending, known))
                    continue;
                var result = DmnReader.Read(item.Xml, known, Lenient);
                if (result.Model is not null)
                    models[item.File] = result.Model;
                else
                    problems[item.File] = string.Join(" | ", result.Problems.Where(p => p.Severity == Engine.Validation.Severity.Error).Select(p => p.Message));
                pending.Remove(item);
                progress = true;
            }
        }
        return (models, problems);
    }

    /// <summary>When no pending model has all its imports, read them anyway (missing imports then become problems).</summary>
    private static bool LastChance(List<(string File, string Xml, List<string> Imports)> pending, List<DmnModel> known) =>
        pending.All(p => !p.Imports.All(ns => known.Any(m => m.Namespace == ns)));

    private static List<string> ImportedNamespaces(string xml)
    {
        try
        {
            var root = XDocument.Parse(xml).Root!;
            return [.. root.Elements(root.Name.Namespace + "import")
                .Where(i => (i.Attribute("importType")?.Value ?? "").Contains("DMN", StringComparison.OrdinalIgnoreCase))
                .Select(i => i.Attribute("namespace")?.Value ?? "")];
        }
        catch (System.Xml.XmlException)
        {
            return [];
        }
    }

    private sealed class MapScope(Dictionary<string, FeelValue> values) : IFeelScope
    {
        public bool TryResolve(string name, out FeelValue value) => values.TryGetValue(name, out value!);
    }
}
