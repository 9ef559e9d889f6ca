namespace Pppk.Workflow.Runtime.UserTasks;

/// <summary>
/// The names of the units (OPD) cases belong to, provided by the domain that keeps them: the inbox shows names, while a
/// generic query never joins a domain table. Without one registered, lists show the codes.
/// </summary>
public interface IUnitNames
{
    /// <summary>Every unit's name by its code.</summary>
    Task<IReadOnlyDictionary<string, string>> AllAsync(CancellationToken ct);
}
