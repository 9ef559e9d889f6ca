using Npgsql;

namespace Pppk.Workflow.Runtime.Database;

/// <summary>
/// The WHERE clause of a list query, made only of the filters the caller actually gave. A fixed clause of the
/// <c>(@p IS NULL OR column = @p)</c> kind defeats indexes once Npgsql prepares the statement: its one cached plan has
/// to serve every combination of filters, so it scans the table. Here each combination is its own statement, with
/// its own plan.
/// </summary>
public sealed class SqlFilter
{
    private readonly List<string> _conditions = [];
    private readonly List<NpgsqlParameter> _parameters = [];

    /// <summary>A condition that always applies.</summary>
    public SqlFilter Add(string condition, params (string Name, object Value)[] parameters)
    {
        _conditions.Add(condition);
        foreach (var (name, value) in parameters) _parameters.Add(new NpgsqlParameter(name, value));
        return this;
    }

    /// <summary>Parameters that conditions written elsewhere in the statement read (the branches of a union).</summary>
    public SqlFilter Bound(params (string Name, object Value)[] parameters)
    {
        foreach (var (name, value) in parameters) _parameters.Add(new NpgsqlParameter(name, value));
        return this;
    }

    /// <summary>The condition, with its one parameter, when the caller gave a value for it.</summary>
    public SqlFilter When<T>(T? value, string condition, string name) =>
        value is null || value is string { Length: 0 } ? this : Add(condition, (name, value));

    public string Where => _conditions.Count == 0 ? "TRUE" : string.Join(" AND ", _conditions.Select(c => $"({c})"));

    /// <summary>Adds this filter's parameters to a command (each command gets its own copies).</summary>
    public T Bind<T>(T command) where T : NpgsqlCommand
    {
        foreach (var p in _parameters) command.Parameters.Add(p.Clone());
        return command;
    }
}
