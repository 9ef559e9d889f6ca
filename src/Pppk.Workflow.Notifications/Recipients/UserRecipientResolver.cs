using Npgsql;
using Pppk.Workflow.Auth;

namespace Pppk.Workflow.Notifications.Recipients;

/// <summary>
/// Users and roles from <c>pppk.users</c>: <c>role:NAME</c> is every member of the role, <c>user:NAME</c> or a bare
/// user name is that user, and a bare role name that is no user name is the role. A member without a valid address is named in the problems, the others still get the email.
/// </summary>
public sealed class UserRecipientResolver : IRecipientResolver
{
    public async Task<RecipientResult?> ResolveAsync(string reference, RecipientLookup lookup, CancellationToken ct)
    {
        var bare = !reference.Contains(':');
        if (reference.StartsWith("role:", StringComparison.OrdinalIgnoreCase))
            return await RoleAsync(reference[5..].Trim(), lookup, ct);
        var userName = reference.StartsWith("user:", StringComparison.OrdinalIgnoreCase) ? reference[5..].Trim() : reference.Trim();
        if (userName.Contains(':')) return null;
        var users = await QueryAsync(lookup, "SELECT user_name, full_name, email FROM pppk.users WHERE normalized_user_name = upper(@key)", userName, ct);
        if (users.Count > 0) return Collect(users);
        // A bare name that is no user but a role ("verifier") means the role's members.
        if (bare && Roles.IsKnown(userName)) return await RoleAsync(userName, lookup, ct);
        return RecipientResult.Problem($"no user '{userName}'");
    }

    private static async Task<RecipientResult> RoleAsync(string role, RecipientLookup lookup, CancellationToken ct)
    {
        var members = await QueryAsync(lookup, """
            SELECT u.user_name, u.full_name, u.email FROM pppk.users u
            JOIN pppk.user_roles ur ON ur.user_id = u.id JOIN pppk.roles r ON r.id = ur.role_id
            WHERE r.name = @key AND (u.lockout_end IS NULL OR u.lockout_end < now()) ORDER BY u.user_name
            """, role, ct);
        return members.Count == 0 ? RecipientResult.Problem($"role '{role}' has no members") : Collect(members);
    }

    private static RecipientResult Collect(List<(string User, string? Name, string? Email)> people)
    {
        var found = new List<Recipient>();
        var problems = new List<string>();
        foreach (var (user, name, email) in people)
        {
            var who = name is { Length: > 0 } ? $"{name} ({user})" : user;
            if (string.IsNullOrWhiteSpace(email)) problems.Add($"{who} has no email address");
            else if (!AddressCheck.IsValid(email)) problems.Add($"{who} has an invalid email address '{email}'");
            else found.Add(new Recipient(email.Trim(), name));
        }
        return new RecipientResult(found, problems);
    }

    private static async Task<List<(string, string?, string?)>> QueryAsync(RecipientLookup lookup, string sql, string key, CancellationToken ct)
    {
        await using var cmd = lookup.Step.Command(sql);
        cmd.Parameters.AddWithValue("key", key);
        var rows = new List<(string, string?, string?)>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            rows.Add((r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2)));
        return rows;
    }
}

/// <summary>What we accept as an address: one mailbox, local@domain with a dot in the domain.</summary>
public static class AddressCheck
{
    public static bool IsValid(string address) =>
        MimeKit.MailboxAddress.TryParse(address.Trim(), out var mailbox) && mailbox.Address == address.Trim()
        && mailbox.Address.IndexOf('@') is > 0 and var at && mailbox.Address.IndexOf('.', at) > at + 1 && !mailbox.Address.EndsWith('.');
}
