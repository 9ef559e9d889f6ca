using Pppk.Workflow.Runtime.People;
using Pppk.Workflow.Runtime.Steps;

namespace Pppk.Workflow.Runtime.Substitutions;

/// <summary>Whom a user stands in for right now, read inside a step's transaction.</summary>
internal static class SubstitutionLookup
{
    /// <summary>
    /// The users <paramref name="substitute"/> substitutes at <paramref name="now"/>, with their roles and unit. The rows are share-locked,
    /// so a concurrent DELETE waits for this transaction: a completion never commits on a substitution already withdrawn.
    /// </summary>
    public static async Task<List<(string User, string[] Roles, string? Unit)>> InForceAsync(StepTransaction tx, string substitute, DateTimeOffset now, CancellationToken ct)
    {
        await using var cmd = tx.Command($"""
            SELECT s.user_name, {Principals.GroupsOf("s.user_name")}, {Principals.UnitOf("s.user_name")}
            FROM pppk.substitutions s
            WHERE s.substitute_user_name = @me AND s.valid_from <= @now AND s.valid_to > @now
            ORDER BY s.valid_from, s.id FOR SHARE OF s
            """);
        cmd.Parameters.AddWithValue("me", substitute);
        cmd.Parameters.AddWithValue("now", now);
        var users = new List<(string, string[], string?)>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) users.Add((reader.GetString(0), reader.GetFieldValue<string[]>(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
        return users;
    }
}
