using System.Security.Cryptography;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Npgsql;
using Pppk.Workflow.Engine.Dmn;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Engine.Validation;
using Pppk.Workflow.Runtime.Definitions;
using static Pppk.Workflow.Runtime.Definitions.DeploymentService;

namespace Pppk.Workflow.Runtime.Decisions;

/// <summary>
/// The <c>.dmn</c> files of a deployment: read and checked with <see cref="DmnReader"/> (models importing each other by
/// namespace within the deployment, imported ones first), then each decision versioned by its key like a process; an
/// unchanged file (same content, same imports) adds no version.
/// </summary>
internal static class DecisionDeployment
{
    private static readonly XNamespace Zeebe = "http://camunda.org/schema/zeebe/1.0";

    /// <summary>One readable DMN file: its model, namespace and the version tags its decisions carry.</summary>
    public sealed record Read(DeployFile File, DmnModel Model, string Namespace, IReadOnlyList<string> ImportNamespaces, IReadOnlyDictionary<string, string> VersionTags)
    {
        public IEnumerable<(string Key, DmnDecisionInfo Decision)> Decisions => Model.Decisions.Select(d => (KeyOf(d), d));
    }

    /// <summary>A decision's key: its id, its name where it has none.</summary>
    public static string KeyOf(DmnDecisionInfo d) => string.IsNullOrEmpty(d.Id) ? d.Name ?? "" : d.Id;

    /// <summary>A .dmn file, or DMN XML sent as a raw body (named upload.bpmn when the caller gave no file name).</summary>
    public static bool IsDmn(DeployFile file) =>
        file.FileName.EndsWith(".dmn", StringComparison.OrdinalIgnoreCase)
        || file.Content.Contains("www.omg.org/spec/DMN/", StringComparison.Ordinal) && !file.Content.Contains("www.omg.org/spec/BPMN/", StringComparison.Ordinal);

    /// <summary>Reads every DMN file, imported models before the models importing them; every problem goes to <paramref name="problems"/>.</summary>
    public static List<Read> ReadAll(IReadOnlyList<DeployFile> files, List<Problem> problems)
    {
        var heads = new List<(DeployFile File, XDocument Xml, string Namespace, List<string> Imports)>();
        foreach (var file in files)
        {
            try
            {
                var xml = XDocument.Parse(file.Content);
                var root = xml.Root!;
                var ns = (string?)root.Attribute("namespace") ?? "";
                var imports = root.Elements(root.Name.Namespace + "import").Select(i => (string?)i.Attribute("namespace")).OfType<string>().ToList();
                heads.Add((file, xml, ns, imports));
            }
            catch (XmlException e)
            {
                problems.Add(new Problem(file.FileName, null, "error", DeploymentTexts.NotDmn.Format(e.Message)));
            }
        }
        var read = new List<Read>();
        var pending = heads.ToList();
        while (pending.Count > 0)
        {
            // A file whose imports (within this deployment) are all read goes next; none left means a cycle.
            var ready = pending.FirstOrDefault(h => h.Imports.All(ns => read.Any(r => r.Namespace == ns) || heads.All(o => o.Namespace != ns)));
            if (ready.File is null)
            {
                foreach (var h in pending)
                    problems.Add(new Problem(h.File.FileName, null, "error", DeploymentTexts.DmnImportCycle.Format(h.Namespace)));
                break;
            }
            pending.Remove(ready);
            var imported = read.Where(r => ready.Imports.Contains(r.Namespace)).Select(r => r.Model).ToList();
            DmnReadResult result;
            try
            {
                result = DmnReader.Read(ready.File.Content, imported);
            }
            catch (Exception e) when (e is XmlException or FormatException or InvalidOperationException or ArgumentException)
            {
                problems.Add(new Problem(ready.File.FileName, null, "error", DeploymentTexts.NotDmn.Format(e.Message)));
                continue;
            }
            foreach (var p in result.Problems)
                problems.Add(new Problem(ready.File.FileName, p.ElementId, p.Severity == Severity.Error ? "error" : "warning", p.Text));
            if (result.Model is { } model && result.Problems.All(p => p.Severity != Severity.Error))
                read.Add(new Read(ready.File, model, ready.Namespace, ready.Imports, VersionTags(ready.Xml)));
        }
        return read;
    }

    /// <summary>Business rule tasks must call a decision that is deployed or deployed with them (as call activities their processes).</summary>
    public static async Task CheckCallsAsync(NpgsqlDataSource db, List<(DeployFile File, BpmnDefinitions Parsed)> bpmn, List<Read> dmn, List<Problem> problems, CancellationToken ct)
    {
        var calls = bpmn.SelectMany(b => b.Parsed.ExecutableProcesses.SelectMany(p => p.AllNodes.Values)
            .Where(n => n.Type == "businessRuleTask" && n.CalledDecision is { DecisionId: { Length: > 0 } id } && !id.TrimStart().StartsWith('='))
            .Select(n => (b.File, Node: n))).ToList();
        if (calls.Count == 0) return;
        var here = dmn.SelectMany(r => r.Decisions.Select(d => (d.Key, Tag: r.VersionTags.GetValueOrDefault(d.Decision.Id ?? "")))).ToList();
        var deployed = await DecisionTable.KeysAsync(db, ct);
        foreach (var (file, node) in calls)
        {
            var call = node.CalledDecision!;
            var key = call.DecisionId!.Trim();
            if (here.All(h => h.Key != key) && !deployed.Contains(key))
                problems.Add(new Problem(file.FileName, node.Id, "error", DeploymentTexts.DecisionNotDeployed.Format(node.Id, key)));
            else if (call.Binding.Type == BindingType.Deployment && here.All(h => h.Key != key))
                problems.Add(new Problem(file.FileName, node.Id, "error", DeploymentTexts.NotInDeployment.Format(node.Id, key)));
            else if (call.Binding.Type == BindingType.VersionTag && !here.Contains((key, call.Binding.VersionTag))
                     && !await DecisionTable.TagExistsAsync(db, key, call.Binding.VersionTag ?? "", ct))
                problems.Add(new Problem(file.FileName, node.Id, "error", DeploymentTexts.DecisionTagNotDeployed.Format(node.Id, key, call.Binding.VersionTag)));
        }
    }

    /// <summary>Stores the files and a new version of every changed decision, inside the deployment's transaction.</summary>
    public static async Task<List<DeployedItem>> DeployAsync(NpgsqlConnection c, NpgsqlTransaction tx, List<Read> dmn, string? user, CancellationToken ct)
    {
        var items = new Dictionary<string, DeployedItem>(StringComparer.Ordinal);
        var fileIds = new Dictionary<string, long>(StringComparer.Ordinal); // namespace -> stored file
        foreach (var read in dmn)
        {
            var imports = read.ImportNamespaces.Where(fileIds.ContainsKey).Select(ns => fileIds[ns]).ToArray();
            var checksum = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(read.File.Content)));
            long? fileId = null;
            foreach (var (key, decision) in read.Decisions)
            {
                var (version, storedFile, storedXml, storedImports) = await DecisionTable.LatestOfAsync(c, tx, key, ct);
                if (storedXml is not null && storedImports!.SequenceEqual(imports) && SameContent.Bpmn(storedXml, read.File.Content))
                {
                    fileId ??= storedFile;
                    items[key] = new DeployedItem(key, version, decision.Name, "decision", false);
                    continue;
                }
                fileId ??= await DecisionTable.InsertFileAsync(c, tx, new DecisionFileRecord
                {
                    Namespace = read.Namespace, ModelId = read.Model.Id, Name = read.Model.Name, Xml = read.File.Content, FileName = read.File.FileName,
                    Checksum = checksum, Imports = imports, DeployedBy = user,
                }, ct);
                await DecisionTable.InsertVersionAsync(c, tx, new DecisionRecord
                {
                    Key = key, Version = version + 1, Name = decision.Name, FileId = fileId.Value, DecisionRequirementsKey = read.Model.Id,
                    VersionTag = read.VersionTags.GetValueOrDefault(decision.Id ?? ""), DeployedBy = user,
                }, ct);
                items[key] = new DeployedItem(key, version + 1, decision.Name, "decision", true);
            }
            if (fileId is { } id) fileIds[read.Namespace] = id;
        }
        return [.. items.Values];
    }

    /// <summary>The <c>zeebe:versionTag</c> of each decision and decision service, by id.</summary>
    private static Dictionary<string, string> VersionTags(XDocument xml)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var element in xml.Root!.Elements())
            if ((string?)element.Attribute("id") is { } id
                && element.Descendants(Zeebe + "versionTag").Select(t => (string?)t.Attribute("value")).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)) is { } tag)
                tags[id] = tag.Trim();
        return tags;
    }
}
