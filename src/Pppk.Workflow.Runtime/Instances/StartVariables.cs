using System.Text.Json.Nodes;
using Pppk.Workflow.Engine.Localization;
using Pppk.Workflow.Engine.Model;

namespace Pppk.Workflow.Runtime.Instances;

/// <summary>
/// Checks a start's variables against what the process declares (<see cref="StartVariable"/>): a required one missing (or
/// null) or one of the wrong type is a 400 naming it, before anything is written.
/// </summary>
internal static class StartVariables
{
    public static readonly TextTemplate Missing = new("start-variable-missing",
        "Process '{0}' needs the start variable '{1}' ({2}){3}.",
        "Proses '{0}' memerlukan variabel awal '{1}' ({2}){3}.");

    public static readonly TextTemplate WrongType = new("start-variable-type",
        "The start variable '{1}' of process '{0}' must be {2}{3}.",
        "Variabel awal '{1}' proses '{0}' harus berupa {2}{3}.");

    // {0} the item's position (1-based), {1} its business key, {2} the problem
    public static readonly TextTemplate InBatch = new("start-variable-batch",
        "Instance {0} of the batch (business key {1}): {2} Nothing was started.",
        "Instans ke-{0} dalam batch (kunci bisnis {1}): {2} Tidak ada yang dimulai.");

    /// <summary>Throws a 400 <see cref="WorkflowException"/> for the first problem of <paramref name="variables"/>.</summary>
    public static void Ensure(string processKey, BpmnProcess process, JsonObject? variables)
    {
        if (Problem(processKey, process, variables) is { } problem) throw new WorkflowException(400, problem.Text) { Field = problem.Field };
    }

    /// <summary>The same for every item of a batch: the first problem names the item, and nothing starts.</summary>
    public static void EnsureAll(string processKey, BpmnProcess process, IReadOnlyList<InstanceService.BatchItem> items)
    {
        if (process.StartVariables.Count == 0) return;
        for (var i = 0; i < items.Count; i++)
            if (Problem(processKey, process, items[i].Variables) is { } problem)
                throw new WorkflowException(400, InBatch.Format(i + 1, items[i].BusinessKey ?? "-", problem.Text));
    }

    private static (LocalizedText Text, string Field)? Problem(string processKey, BpmnProcess process, JsonObject? variables)
    {
        foreach (var declared in process.StartVariables)
        {
            var value = variables?[declared.Name];
            var label = declared.Label is null ? "" : $": {declared.Label}";
            if (value is null)
            {
                if (declared.Required) return (Missing.Format(processKey, declared.Name, declared.TypeTerm, label), declared.Name);
            }
            else if (!declared.Accepts(value))
                return (WrongType.Format(processKey, declared.Name, declared.TypeTerm, label), declared.Name);
        }
        return null;
    }
}
