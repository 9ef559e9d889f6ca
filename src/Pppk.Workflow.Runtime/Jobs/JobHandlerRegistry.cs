namespace Pppk.Workflow.Runtime.Jobs;

/// <summary>
/// Every registered handler by job type. The handlers are built at first use, not with the registry: an external handler
/// may take <c>InstanceService</c> by constructor, which needs the step machinery, which needs this registry.
/// </summary>
public sealed class JobHandlerRegistry(Func<IEnumerable<IJobHandler>> handlers)
{
    private readonly Lazy<Dictionary<string, IJobHandler>> _byType = new(() => handlers().ToDictionary(h => h.Type, StringComparer.Ordinal));

    public IJobHandler? Find(string type) => _byType.Value.GetValueOrDefault(type);

    public IReadOnlyCollection<string> Types => _byType.Value.Keys;
}
