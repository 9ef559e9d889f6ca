using Pppk.Workflow.Auth;
using Pppk.Workflow.Runtime.People;

namespace Pppk.Workflow.Notifications.Recipients;

/// <summary>
/// Users and roles from the runtime's <see cref="Principals"/>: <c>role:NAME</c> is every member of the role, <c>user:NAME</c> or a bare
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
        if (await Principals.FindAsync(lookup.Step.Command, userName, ct) is { } user) return Collect([user]);
        // A bare name that is no user but a role ("verifier") means the role's members.
        if (bare && Roles.IsKnown(userName)) return await RoleAsync(userName, lookup, ct);
        return RecipientResult.Problem($"no user '{userName}'");
    }

    private static async Task<RecipientResult> RoleAsync(string role, RecipientLookup lookup, CancellationToken ct)
    {
        var members = await Principals.MembersOfAsync(lookup.Step.Command, role, ct);
        return members.Count == 0 ? RecipientResult.Problem($"role '{role}' has no members") : Collect(members);
    }

    private static RecipientResult Collect(List<Principals.Principal> people)
    {
        var found = new List<Recipient>();
        var problems = new List<string>();
        foreach (var (user, _, _, name, email) in people)
        {
            var who = name is { Length: > 0 } ? $"{name} ({user})" : user;
            if (string.IsNullOrWhiteSpace(email)) problems.Add($"{who} has no email address");
            else if (!AddressCheck.IsValid(email)) problems.Add($"{who} has an invalid email address '{email}'");
            else found.Add(new Recipient(email.Trim(), name));
        }
        return new RecipientResult(found, problems);
    }
}

/// <summary>What we accept as an address: one mailbox, local@domain with a dot in the domain.</summary>
public static class AddressCheck
{
    public static bool IsValid(string address) =>
        MimeKit.MailboxAddress.TryParse(address.Trim(), out var mailbox) && mailbox.Address == address.Trim()
        && mailbox.Address.IndexOf('@') is > 0 and var at && mailbox.Address.IndexOf('.', at) > at + 1 && !mailbox.Address.EndsWith('.');
}
