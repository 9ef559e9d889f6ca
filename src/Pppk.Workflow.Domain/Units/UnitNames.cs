using Npgsql;
using Pppk.Workflow.Runtime.UserTasks;

namespace Pppk.Workflow.Domain.Units;

/// <summary>The units' names from <c>pppk.units</c> (a few dozen rows), for the inbox's unit column and filter.</summary>
internal sealed class UnitNames(NpgsqlDataSource db) : IUnitNames
{
    public async Task<IReadOnlyDictionary<string, string>> AllAsync(CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("SELECT code, name FROM pppk.units ORDER BY name");
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) names[r.GetString(0)] = r.GetString(1);
        return names;
    }
}
