using Npgsql;

namespace Pppk.Workflow.Runtime.Jobs;

/// <summary>
/// A row an inline handler writes with the step's flush (<see cref="StepUnitOfWork.Write(StepRows)"/>), written together
/// with the rows of the same type that the other steps of the transaction wrote: a batch of 1,000 timer steps that each
/// queue an email writes one <c>INSERT</c> of 1,000 rows, not 1,000 statements (PostgreSQL parses and plans each one).
/// </summary>
public abstract class StepRows
{
    /// <summary>
    /// The statements that write <paramref name="rows"/>: this row and every other of its type the transaction's steps
    /// wrote, in the order they were written (each is of this row's type).
    /// </summary>
    protected internal abstract IEnumerable<NpgsqlBatchCommand> Commands(IReadOnlyList<StepRows> rows);
}
