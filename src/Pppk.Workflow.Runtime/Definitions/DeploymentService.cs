using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Xml;
using Microsoft.Extensions.Logging;
using Npgsql;
using Pppk.Workflow.Engine.Feel;
using Pppk.Workflow.Engine.Localization;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Engine.Parsing;
using Pppk.Workflow.Engine.Validation;

namespace Pppk.Workflow.Runtime.Definitions;

/// <summary>Validates and deploys BPMN files, forms and DMN decisions. An unchanged file adds no version; a changed one adds a version of each of its processes.</summary>
public sealed class DeploymentService(NpgsqlDataSource db, DefinitionStore definitions, Decisions.DecisionStore decisions, TimerStartRegistry timerStarts, IEnumerable<IDefinitionCheck> checks,
    FeelEnvironment feel, ILogger<DeploymentService> logger, Jobs.JobHandlerRegistry handlers)
{
    public sealed record DeployFile(string FileName, string Content);

    /// <summary>A problem of one file; <see cref="Text"/> has its code and renders in English (<see cref="Message"/>) or Indonesian.</summary>
    public sealed record Problem(string? FileName, string? ElementId, string Severity, LocalizedText Text)
    {
        public string Message => Text.ToString();
    }

    public sealed record DeployedItem(string Key, int Version, string? Name, string Kind, bool Created);

    public sealed record Result(bool Valid, IReadOnlyList<Problem> Problems, IReadOnlyList<DeployedItem> Deployed)
    {
        public bool AnyCreated => Deployed.Any(d => d.Created);
    }

    /// <summary>Every problem of every file (errors and warnings); deploys nothing.</summary>
    public async Task<Result> ValidateAsync(IReadOnlyList<DeployFile> files, CancellationToken ct)
    {
        var (problems, _, _, _) = await CheckAsync(files, ct);
        return new Result(problems.All(p => p.Severity != "error"), problems, []);
    }

    public async Task<Result> DeployAsync(IReadOnlyList<DeployFile> files, string? user, CancellationToken ct)
    {
        var (problems, bpmn, forms, dmn) = await CheckAsync(files, ct);
        if (problems.Any(p => p.Severity == "error")) return new Result(false, problems, []);

        var deployed = new List<DeployedItem>();
        var changedModels = new List<(string Key, ProcessModel? Previous, long NewId)>();
        var createdIds = new List<long>();
        await using (var connection = await db.OpenConnectionAsync(ct))
        await using (var tx = await connection.BeginTransactionAsync(ct))
        {
            // One deployment at a time, so versions are gapless and "latest" is unique.
            await DefinitionTable.LockDeploymentsAsync(connection, tx, ct);
            foreach (var form in forms)
                deployed.Add(await DeployFormAsync(connection, tx, form.File, form.Id, ct));
            deployed.AddRange(await Decisions.DecisionDeployment.DeployAsync(connection, tx, dmn, user, ct));
            foreach (var (file, parsed) in bpmn)
            {
                var checksum = Checksum(file.Content);
                foreach (var process in parsed.ExecutableProcesses)
                {
                    var (item, previousId, newId) = await DeployProcessAsync(connection, tx, file, process, checksum, user, ct);
                    deployed.Add(item);
                    if (!item.Created) continue;
                    changedModels.Add((item.Key, previousId is { } p ? (await definitions.GetAsync(p, ct)).Model : null, newId));
                    createdIds.Add(newId);
                }
            }
            await RecordTogetherAsync(connection, tx, deployed, createdIds, ct);
            await tx.CommitAsync(ct);
        }
        if (changedModels.Count > 0) definitions.ForgetLatest(); // starts here see the new versions at once
        if (deployed.Any(d => d.Kind == "decision" && d.Created)) decisions.ForgetLatest(); // so do business rule tasks
        foreach (var (key, previous, newId) in changedModels)
            timerStarts.Replace(key, previous, (await definitions.GetAsync(newId, ct)).Model);
        foreach (var d in deployed.Where(d => d.Created))
            logger.LogInformation("Deployed {Kind} {Key} version {Version}", d.Kind, d.Key, d.Version);
        return new Result(true, problems, deployed);
    }

    /// <summary>Deploys every BPMN, DMN and form file under <paramref name="directory"/> (start-up); unchanged files add nothing.</summary>
    public async Task<Result> DeployDirectoryAsync(string directory, CancellationToken ct)
    {
        if (!Directory.Exists(directory)) return new Result(true, [], []);
        var files = Directory.EnumerateFiles(directory, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".bpmn", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".form", StringComparison.OrdinalIgnoreCase)
                        || f.EndsWith(".dmn", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Select(f => new DeployFile(Path.GetRelativePath(directory, f), File.ReadAllText(f)))
            .ToList();
        if (files.Count == 0) return new Result(true, [], []);
        var result = await DeployAsync(files, "system", ct);
        if (!result.Valid)
            foreach (var p in result.Problems.Where(p => p.Severity == "error"))
                logger.LogError("Not deployed: {File} {ElementId}: {Message}", p.FileName, p.ElementId, p.Message);
        return result;
    }

    private async Task<(List<Problem>, List<(DeployFile, BpmnDefinitions)>, List<(DeployFile File, string Id)>, List<Decisions.DecisionDeployment.Read>)> CheckAsync(
        IReadOnlyList<DeployFile> files, CancellationToken ct)
    {
        var problems = new List<Problem>();
        var bpmn = new List<(DeployFile, BpmnDefinitions)>();
        var forms = new List<(DeployFile, string)>();
        if (files.Count == 0) problems.Add(new Problem(null, null, "error", DeploymentTexts.NoFile.Format()));
        var dmn = Decisions.DecisionDeployment.ReadAll([.. files.Where(Decisions.DecisionDeployment.IsDmn)], problems);
        foreach (var file in files.Where(f => !Decisions.DecisionDeployment.IsDmn(f)))
        {
            if (file.FileName.EndsWith(".form", StringComparison.OrdinalIgnoreCase))
            {
                if (FormId(file, problems) is { } id) forms.Add((file, id));
                continue;
            }
            try
            {
                bpmn.Add((file, BpmnParser.Parse(file.Content)));
            }
            catch (Exception e) when (e is XmlException or FormatException or InvalidOperationException or ArgumentException)
            {
                problems.Add(new Problem(file.FileName, null, "error", DeploymentTexts.NotBpmn.Format(e.Message)));
            }
        }
        var (deployedKeys, deployedForms) = await DefinitionTable.DeployedNamesAsync(db, ct);
        var known = new HashSet<string>(deployedKeys, StringComparer.Ordinal);
        foreach (var (_, parsed) in bpmn)
            foreach (var p in parsed.ExecutableProcesses) known.Add(p.Id);
        var formIds = new HashSet<string>(forms.Select(f => f.Item2).Concat(deployedForms), StringComparer.Ordinal);
        var supply = await VariableSupply.BuildAsync(db, bpmn.Select(b => b.Item2), forms.Select(f => (f.Item2, f.Item1.Content)), handlers, ct);
        foreach (var (file, parsed) in bpmn)
        {
            foreach (var p in BpmnValidator.Validate(parsed, known, feel.Limits))
                problems.Add(new Problem(file.FileName, p.ElementId, p.Severity == Severity.Error ? "error" : "warning", p.Text));
            foreach (var check in checks)
                foreach (var (elementId, message) in check.Check(parsed))
                    problems.Add(new Problem(file.FileName, elementId, "error", message));
            foreach (var check in checks)
                foreach (var (elementId, message) in check.Warn(parsed, supply))
                    problems.Add(new Problem(file.FileName, elementId, "warning", message));
            foreach (var process in parsed.ExecutableProcesses)
            {
                foreach (var (start, kind, expression) in ProcessModel.Create(parsed, process.Id, feel.Limits).TimerStarts)
                    if (TimerStartRegistry.CronOf(kind, expression, out var why) is null)
                        problems.Add(new Problem(file.FileName, start.Id, "error", why!));
                foreach (var node in process.AllNodes.Values.Where(n => n.UserTask?.FormId is { } f && !formIds.Contains(f)))
                    problems.Add(new Problem(file.FileName, node.Id, "warning", DeploymentTexts.FormNotDeployed.Format(node.UserTask!.FormId)));
                StartFormChecks.Check(file.FileName, process, formIds, problems);
            }
        }
        await BindingChecks.CheckAsync(db, bpmn, forms, problems, ct);
        await Decisions.DecisionDeployment.CheckCallsAsync(db, bpmn, dmn, problems, ct);
        return (problems, bpmn, forms, dmn);
    }

    private static string? FormId(DeployFile file, List<Problem> problems)
    {
        try
        {
            using var doc = JsonDocument.Parse(file.Content);
            if (doc.RootElement.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 } s) return s;
            problems.Add(new Problem(file.FileName, null, "error", DeploymentTexts.FormWithoutId.Format()));
        }
        catch (JsonException e)
        {
            problems.Add(new Problem(file.FileName, null, "error", DeploymentTexts.NotFormJs.Format(e.Message)));
        }
        return null;
    }

    private static async Task<(DeployedItem, long?, long)> DeployProcessAsync(NpgsqlConnection c, NpgsqlTransaction tx, DeployFile file, BpmnProcess process, string checksum, string? user, CancellationToken ct)
    {
        var (latestId, latestVersion, latestChecksum) = await DefinitionTable.LatestOfAsync(c, tx, process.Id, ct);
        if (latestChecksum == checksum || latestId is { } stored && SameContent.Bpmn(await DefinitionTable.XmlAsync(c, tx, stored, ct), file.Content))
            return (new DeployedItem(process.Id, latestVersion, process.Name, "process", false), null, latestId!.Value);

        var id = await DefinitionTable.InsertVersionAsync(c, tx, process.Id, latestVersion + 1, process.Name, process.VersionTag, file.Content, file.FileName, checksum, user, ct);
        return (new DeployedItem(process.Id, latestVersion + 1, process.Name, "process", true), latestId, id);
    }

    private static async Task<DeployedItem> DeployFormAsync(NpgsqlConnection c, NpgsqlTransaction tx, DeployFile file, string formId, CancellationToken ct)
    {
        var checksum = Checksum(file.Content);
        var (version, latestChecksum) = await DefinitionTable.LatestFormAsync(c, tx, formId, ct);
        if (latestChecksum == checksum || version > 0 && SameContent.Form(await DefinitionTable.FormSchemaAsync(c, tx, formId, version, ct), file.Content))
            return new DeployedItem(formId, version, null, "form", false);
        await DefinitionTable.InsertFormAsync(c, tx, formId, version + 1, BindingChecks.FormVersionTag(file.Content), file.Content, file.FileName, checksum, ct);
        return new DeployedItem(formId, version + 1, null, "form", true);
    }

    /// <summary>Keeps on each process version this deployment created what the deployment held, for links bound by <c>deployment</c>.</summary>
    private static async Task RecordTogetherAsync(NpgsqlConnection c, NpgsqlTransaction tx, List<DeployedItem> deployed, List<long> createdIds, CancellationToken ct)
    {
        if (createdIds.Count == 0) return;
        var together = new DeployedTogether(
            deployed.Where(d => d.Kind == "process").GroupBy(d => d.Key).ToDictionary(g => g.Key, g => g.Last().Version),
            deployed.Where(d => d.Kind == "form").GroupBy(d => d.Key).ToDictionary(g => g.Key, g => g.Last().Version),
            deployed.Where(d => d.Kind == "decision").GroupBy(d => d.Key).ToDictionary(g => g.Key, g => g.Last().Version));
        await DefinitionTable.RecordDeploymentAsync(c, tx, together.ToJson(), [.. createdIds], ct);
    }

    private static string Checksum(string content) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
}
