namespace Pppk.Workflow.Domain.Fiscal;

/// <summary>
/// A unit's active contracts (<c>status = 'active'</c>, by the contracts' copy of the unit), kept by the database in
/// every transaction that writes <c>pppk.contracts</c> (migration <c>Issue21UnitCounters</c>): read it, never write it.
/// A unit without a row has none.
/// </summary>
public sealed class UnitContractCount
{
    public required string UnitCode { get; init; }
    public int Active { get; init; }
}
