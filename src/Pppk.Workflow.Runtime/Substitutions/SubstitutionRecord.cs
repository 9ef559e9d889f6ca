namespace Pppk.Workflow.Runtime.Substitutions;

/// <summary>A substitute (Plt/Plh) named for a user's absence: from <see cref="ValidFrom"/> (inclusive) to <see cref="ValidTo"/> (exclusive).</summary>
public sealed class SubstitutionRecord
{
    public Guid Id { get; set; }

    /// <summary>The absent user, as stored (sign-in name).</summary>
    public required string UserName { get; set; }
    public required string SubstituteUserName { get; set; }
    public DateTimeOffset ValidFrom { get; set; }
    public DateTimeOffset ValidTo { get; set; }
    public required string Reason { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
