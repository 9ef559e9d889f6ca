using Npgsql;

namespace Pppk.Workflow.Runtime.Tests;

/// <summary>A statement of a seeding batch with its parameters (the list tests write their facts in one round trip).</summary>
internal static class SeedCommand
{
    public static NpgsqlBatchCommand Of(string sql, params (string Name, object Value)[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return command;
    }
}
