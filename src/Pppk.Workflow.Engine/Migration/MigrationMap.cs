using Pppk.Workflow.Engine.Model;

namespace Pppk.Workflow.Engine.Migration;

/// <summary>Where each source element goes: its explicit mapping, else the target element with the same id, else nowhere.</summary>
internal sealed class MigrationMap
{
    private readonly Dictionary<string, string> _explicit = new(StringComparer.Ordinal);

    public MigrationMap(ProcessModel source, ProcessModel target, IReadOnlyList<ElementMapping> mappings)
    {
        SourceModel = source;
        TargetModel = target;
        foreach (var group in mappings.GroupBy(m => m.SourceElementId, StringComparer.Ordinal))
        {
            _explicit[group.Key] = group.First().TargetElementId;
            if (group.Count() > 1) Duplicates.Add((group.Key, group.Count()));
        }
    }

    public ProcessModel SourceModel { get; }
    public ProcessModel TargetModel { get; }
    public List<(string SourceId, int Count)> Duplicates { get; } = [];

    public bool IsExplicit(string sourceId) => _explicit.ContainsKey(sourceId);

    public FlowNode? Source(string sourceId) => SourceModel.Process.AllNodes.GetValueOrDefault(sourceId);

    public FlowNode? Target(string sourceId) =>
        TargetModel.Process.AllNodes.GetValueOrDefault(_explicit.TryGetValue(sourceId, out var mapped) ? mapped : sourceId);
}
