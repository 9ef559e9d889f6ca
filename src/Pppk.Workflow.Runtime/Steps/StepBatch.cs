using Npgsql;

namespace Pppk.Workflow.Runtime.Steps;

/// <summary>How the per-table writers add their set-based statements (<c>unnest</c> over arrays) to a step's one batch.</summary>
internal static class StepBatch
{
    public static void Add(NpgsqlBatch batch, string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        batch.BatchCommands.Add(command);
    }

    /// <summary>One array parameter: a column of the rows written.</summary>
    public static NpgsqlParameter P<T>(string name, IEnumerable<T> values) => new(name, values.ToArray());
}
