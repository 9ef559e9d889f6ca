using System.Text.Json;
using Npgsql;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Runtime.Jobs;

namespace Pppk.Workflow.Runtime.Definitions;

/// <summary>
/// What a process can provide a task, as a static over-approximation for deploy-time warnings: its start variables,
/// the fields of its start and task forms, every output mapping, script and decision result, multi-instance element and
/// collection, the declared outputs of its handlers, what a called process in the same deployment passes back, and the
/// task's own input mappings. Where a variable is set is not followed: a name set anywhere counts everywhere.
/// </summary>
public sealed partial class VariableSupply
{
    private readonly Dictionary<string, HashSet<string>> _byProcess = new(StringComparer.Ordinal);

    private VariableSupply()
    {
    }

    /// <summary>
    /// Whether <paramref name="name"/> can reach <paramref name="task"/> of <paramref name="process"/>. An input mapping that
    /// only passes a variable on (<c>=employeeId</c>) provides it only when the process provides that variable.
    /// </summary>
    public bool Provides(BpmnProcess process, FlowNode task, string name)
    {
        var set = _byProcess.GetValueOrDefault(process.Id) ?? [];
        if (set.Contains(name)) return true;
        var input = task.Inputs.LastOrDefault(i => Root(i.Target) == name);
        if (input is null) return false;
        var bare = BareVariable().Match(input.Source);
        return !bare.Success || Literals.Contains(bare.Groups[1].Value) || set.Contains(bare.Groups[1].Value);
    }

    private static readonly HashSet<string> Literals = new(StringComparer.Ordinal) { "true", "false", "null" };

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*=\s*([A-Za-z_][A-Za-z0-9_]*)(\.[A-Za-z_][A-Za-z0-9_]*)*\s*$")]
    private static partial System.Text.RegularExpressions.Regex BareVariable();

    /// <summary>For a deployment: the forms of the deployment first, then the deployed ones, read once each.</summary>
    internal static async Task<VariableSupply> BuildAsync(NpgsqlDataSource db, IEnumerable<BpmnDefinitions> definitions,
        IEnumerable<(string Id, string Content)> forms, JobHandlerRegistry handlers, CancellationToken ct)
    {
        var processes = definitions.SelectMany(d => d.ExecutableProcesses).GroupBy(p => p.Id).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        var formFields = forms.GroupBy(f => f.Id).ToDictionary(g => g.Key, g => FormFields(g.Last().Content), StringComparer.Ordinal);
        foreach (var id in processes.Values.SelectMany(FormIdsOf).Distinct().Where(id => !formFields.ContainsKey(id)).ToList())
            formFields[id] = await DefinitionTable.FormAsync(db, id, ct) is { } stored ? FormFields(stored.Schema) : [];
        var supply = new VariableSupply();
        foreach (var process in processes.Values) supply.Collect(process, processes, formFields, handlers, []);
        return supply;
    }

    private HashSet<string> Collect(BpmnProcess process, Dictionary<string, BpmnProcess> processes, Dictionary<string, HashSet<string>> formFields,
        JobHandlerRegistry handlers, HashSet<string> visiting)
    {
        if (_byProcess.TryGetValue(process.Id, out var done)) return done;
        var set = new HashSet<string>(StringComparer.Ordinal);
        if (!visiting.Add(process.Id)) return set; // a call cycle: what the cycle adds is counted at its first process
        set.UnionWith(process.StartVariables.Select(v => v.Name));
        foreach (var form in FormIdsOf(process)) set.UnionWith(formFields.GetValueOrDefault(form) ?? []);
        foreach (var key in EmbeddedKeys(process)) set.UnionWith(FormFields(process.EmbeddedForms[key]));
        foreach (var node in process.AllNodes.Values)
        {
            set.UnionWith(node.Outputs.Select(o => Root(o.Target)));
            if (node.Script?.ResultVariable is { } script) set.Add(Root(script));
            if (node.CalledDecision?.ResultVariable is { } decision) set.Add(Root(decision));
            if (node.MultiInstance is { } mi)
                foreach (var name in new[] { mi.InputElement, mi.OutputCollection }.OfType<string>()) set.Add(Root(name));
            if (node.TaskDefinition?.Type is { } type && handlers.Describe(type) is { } described)
                set.UnionWith(described.Outputs.Select(o => o.Name));
            if (node.CalledElement is { PropagateAllChildVariables: true, ProcessId: { } called } && processes.TryGetValue(called, out var child))
                set.UnionWith(Collect(child, processes, formFields, handlers, visiting));
        }
        _byProcess[process.Id] = set;
        return set;
    }

    private static IEnumerable<string> FormIdsOf(BpmnProcess process) =>
        process.AllNodes.Values.Select(n => n.UserTask?.FormId).Append(process.StartForm?.FormId)
            .OfType<string>().Where(f => f.Length > 0 && !f.TrimStart().StartsWith('='));

    private static IEnumerable<string> EmbeddedKeys(BpmnProcess process) =>
        process.AllNodes.Values.Select(n => EmbeddedForm.IdOf(n.UserTask?.FormKey)).Append(EmbeddedForm.IdOf(process.StartForm?.FormKey))
            .OfType<string>().Where(process.EmbeddedForms.ContainsKey).Distinct();

    /// <summary>The variables a form-js schema writes: the first name of every field's <c>key</c> and every group's <c>path</c>.</summary>
    internal static HashSet<string> FormFields(string schema)
    {
        var fields = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            using var doc = JsonDocument.Parse(schema);
            Walk(doc.RootElement, fields);
        }
        catch (JsonException)
        {
            // the form's own check reports it
        }
        return fields;
    }

    private static void Walk(JsonElement element, HashSet<string> fields)
    {
        if (element.ValueKind == JsonValueKind.Array)
            foreach (var item in element.EnumerateArray()) Walk(item, fields);
        if (element.ValueKind != JsonValueKind.Object) return;
        foreach (var name in new[] { "key", "path" })
            if (element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } s)
                fields.Add(Root(s));
        if (element.TryGetProperty("components", out var components)) Walk(components, fields);
    }

    private static string Root(string path) => path.Trim().Split('.', '[')[0];
}
