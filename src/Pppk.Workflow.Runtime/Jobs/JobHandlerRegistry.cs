namespace Pppk.Workflow.Runtime.Jobs;

/// <summary>Every registered handler by job type.</summary>
public sealed class JobHandlerRegistry(IEnumerable<IJobHandler> handlers)
{
    private readonly Dictionary<string, IJobHandler> _byType = handlers.ToDictionary(h => h.Type, StringComparer.Ordinal);

    public IJobHandler? Find(string type) => _byType.GetValueOrDefault(type);

    public IReadOnlyCollection<string> Types => _byType.Keys;
}
