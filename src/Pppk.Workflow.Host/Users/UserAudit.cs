using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace Pppk.Workflow.Host.Users;

/// <summary>One change hr-admin (or a user, for their own substitute) made to an account or a substitution.</summary>
public sealed class UserAuditRecord
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Actor { get; set; }

    /// <summary>The account the change is about (for a substitution: the absent user).</summary>
    public required string UserName { get; set; }

    public required string Action { get; set; }
    public string? Details { get; set; }
}

/// <summary>The owner of <c>pppk.user_audit</c>: who changed which account or substitute, when and how; never a password.</summary>
public static class UserAudit
{
    public sealed record Entry(DateTimeOffset At, string Actor, string UserName, string Action, JsonNode? Details);

    /// <summary>Adds the entry to <paramref name="db"/>'s pending changes and saves them all in one transaction.</summary>
    public static async Task RecordAsync(UsersDbContext db, string actor, string userName, string action, object? details, CancellationToken ct)
    {
        db.UserAudit.Add(new UserAuditRecord
        {
            At = DateTimeOffset.UtcNow, Actor = actor, UserName = userName, Action = action,
            Details = details is null ? null : JsonSerializer.Serialize(details, JsonSerializerOptions.Web),
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The newest entries first; of one user when <paramref name="userName"/> is given.</summary>
    public static async Task<(IReadOnlyList<Entry> Items, int Total)> ReadAsync(UsersDbContext db, string? userName, int skip, int take, CancellationToken ct)
    {
        var query = db.UserAudit.AsNoTracking();
        if (userName is not null) query = query.Where(a => a.UserName == userName);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Skip(skip).Take(take).ToListAsync(ct);
        return (rows.Select(a => new Entry(a.At, a.Actor, a.UserName, a.Action, a.Details is null ? null : JsonNode.Parse(a.Details))).ToList(), total);
    }
}
