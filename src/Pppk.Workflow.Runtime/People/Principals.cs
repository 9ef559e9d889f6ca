using Npgsql;

namespace Pppk.Workflow.Runtime.People;

/// <summary>
/// The people tasks are offered to and emails go to, as the runtime reads them: the view <c>pppk.principals</c>
/// (<c>user_name</c>, <c>normalized_name</c>, <c>groups</c> text[], <c>unit_code</c>, <c>full_name</c>, <c>email</c>,
/// <c>active</c>). The runtime does not own users: the host that does provides this view over its own tables (the PPPK
/// host over its Identity tables: <c>Host/Users/Migrations/*_PrincipalsView.cs</c>). This file is the only place the
/// runtime and the layers above it name it; a command factory is a transaction's, a unit of work's or the data source's
/// <c>Command</c>/<c>CreateCommand</c>.
/// </summary>
public static class Principals
{
    /// <summary>A person: sign-in name, groups (roles), unit, name and address.</summary>
    public sealed record Principal(string UserName, string[] Groups, string? UnitCode, string? FullName, string? Email);

    internal const string Columns = "p.user_name, p.groups, p.unit_code, p.full_name, p.email";

    /// <summary>SQL for the groups of the user named by the SQL expression <paramref name="userName"/> (an empty array if there is none).</summary>
    internal const string View = "pppk.principals";

    internal static string GroupsOf(string userName) => $"coalesce((SELECT p.groups FROM {View} p WHERE p.user_name = {userName}), '{{}}')";

    /// <summary>SQL for the unit of the user named by the SQL expression <paramref name="userName"/>.</summary>
    internal static string UnitOf(string userName) => $"(SELECT p.unit_code FROM {View} p WHERE p.user_name = {userName})";

    /// <summary>A user by sign-in name, case-insensitive as sign-in finds it (locked-out users too); null if there is none.</summary>
    public static async Task<Principal?> FindAsync(Func<string, NpgsqlCommand> command, string userName, CancellationToken ct)
    {
        await using var cmd = command($"SELECT {Columns} FROM {View} p WHERE p.normalized_name = @n");
        // ASP.NET Identity's normalizer: the upper-case invariant form.
        cmd.Parameters.AddWithValue("n", userName.ToUpperInvariant());
        var found = await ReadAsync(cmd, ct);
        return found.Count > 0 ? found[0] : null;
    }

    /// <summary>The active (not locked-out) members of <paramref name="group"/>, by user name.</summary>
    public static async Task<List<Principal>> MembersOfAsync(Func<string, NpgsqlCommand> command, string group, CancellationToken ct)
    {
        await using var cmd = command($"SELECT {Columns} FROM {View} p WHERE @g = ANY(p.groups) AND p.active ORDER BY p.user_name");
        cmd.Parameters.AddWithValue("g", group);
        return await ReadAsync(cmd, ct);
    }

    /// <summary>Every active (not locked-out) user, by user name.</summary>
    public static async Task<List<Principal>> ActiveAsync(Func<string, NpgsqlCommand> command, CancellationToken ct)
    {
        await using var cmd = command($"SELECT {Columns} FROM {View} p WHERE p.active ORDER BY p.user_name");
        return await ReadAsync(cmd, ct);
    }

    internal static async Task<List<Principal>> ReadAsync(NpgsqlCommand cmd, CancellationToken ct)
    {
        var people = new List<Principal>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            people.Add(new Principal(r.GetString(0), r.GetFieldValue<string[]>(1), r.IsDBNull(2) ? null : r.GetString(2),
                r.IsDBNull(3) ? null : r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4)));
        return people;
    }
}
