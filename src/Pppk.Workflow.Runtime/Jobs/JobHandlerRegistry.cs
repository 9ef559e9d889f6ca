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

    /// <summary>What the handler of <paramref name="type"/> says about itself; null when unregistered or undescribed.</summary>
    public JobDescription? Describe(string type) => (Find(type) as IDescribedJobHandler)?.Description;

    /// <summary>Every described handler, by job type in order.</summary>
    public IEnumerable<(string Type, JobDescription Description)> Descriptions =>
        _byType.Value.Values.OfType<IDescribedJobHandler>().OrderBy(h => h.Type, StringComparer.Ordinal).Select(h => (h.Type, h.Description));
}
