using Pppk.Workflow.Runtime.Jobs;

namespace Pppk.Workflow.Notifications.Recipients;

/// <summary>
/// Turns a recipient reference (<c>role:verifier</c>, <c>user:budi</c>, a user name, later <c>pegawai:NIP</c>) into
/// addresses. The domain adds resolvers for its own references; the first that knows a reference answers it.
/// </summary>
public interface IRecipientResolver
{
    /// <summary>Null when this resolver does not know the form of <paramref name="reference"/>.</summary>
    Task<RecipientResult?> ResolveAsync(string reference, RecipientLookup lookup, CancellationToken ct);
}

/// <summary>The database the resolvers read: the step's unit of work, so they see what the step wrote.</summary>
public sealed record RecipientLookup(StepUnitOfWork Step);

/// <summary>A person found with a valid address, or the people found without one (named, for the email's error).</summary>
public sealed record RecipientResult(IReadOnlyList<Recipient> Found, IReadOnlyList<string> Problems)
{
    public static RecipientResult Of(params Recipient[] found) => new(found, []);

    public static RecipientResult Problem(string problem) => new([], [problem]);
}

/// <summary>One mailbox: the address and the name shown in the header.</summary>
public sealed record Recipient(string Address, string? Name)
{
    public string Mailbox => new MimeKit.MailboxAddress(Name ?? "", Address).ToString();
}
