using System.Text.Json.Nodes;
using Hangfire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Pppk.Workflow.Engine.Feel;
using Pppk.Workflow.Notifications.Delivery;
using Pppk.Workflow.Notifications.Recipients;
using Pppk.Workflow.Notifications.Templates;
using Pppk.Workflow.Runtime.People;
using Pppk.Workflow.Runtime.UserTasks;

namespace Pppk.Workflow.Notifications.Digest;

/// <summary>
/// Every working morning, one email per staff member listing their open tasks (assigned to them, or offered to one of
/// their roles or to them by name), overdue ones first, instead of one email per task. Re-running on the same day adds nothing.
/// </summary>
public sealed class DailyDigest(NpgsqlDataSource db, EmailSender sender, EmailTemplates templates, EmailQueue queue, FeelEnvironment feel,
    IOptions<EmailOptions> options, TimeProvider clock, IBackgroundJobClient jobs, ILogger<DailyDigest> logger)
{
    public Task<int> SendAsync(CancellationToken ct) => SendAsync(clock.GetUtcNow(), ct);

    /// <summary>The digest as of <paramref name="now"/>: nothing on a weekend or holiday; returns the emails queued.</summary>
    public async Task<int> SendAsync(DateTimeOffset now, CancellationToken ct)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.Digest.TimeZone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        if (!feel.Calendar.IsWorkingDay(today))
        {
            logger.LogInformation("No task digest on {Date}: not a working day", today);
            return 0;
        }
        var emails = new List<OutgoingEmail>();
        var skipped = new List<string>();
        foreach (var (userName, _, _, fullName, email) in await Principals.ActiveAsync(db.CreateCommand, ct))
        {
            var tasks = await TasksOfAsync(userName, now, ct);
            if (tasks.Count == 0) continue;
            var who = fullName is { Length: > 0 } ? $"{fullName} ({userName})" : userName;
            if (string.IsNullOrWhiteSpace(email) || !AddressCheck.IsValid(email))
            {
                skipped.Add(who);
                continue;
            }
            var items = new JsonArray([.. tasks.Select(t => (JsonNode)new JsonObject
            {
                ["nama"] = t.Name ?? t.ElementId,
                ["proses"] = t.DefinitionKey,
                ["kunci_bisnis"] = t.BusinessKey,
                ["batas"] = t.DueAt?.ToString("O"),
                ["terlambat"] = t.DueAt is { } due && due < now,
                ["dibuat"] = t.CreatedAt.ToString("O"),
            })]);
            var model = new JsonObject
            {
                ["nama"] = fullName ?? userName,
                ["tanggal"] = today.ToString("yyyy-MM-dd"),
                ["jumlah_tugas"] = tasks.Count,
                ["jumlah_terlambat"] = tasks.Count(t => t.DueAt is { } d && d < now),
                ["tugas"] = items,
            };
            var rendered = templates.Render(options.Value.Digest.Template, model);
            emails.Add(new OutgoingEmail(options.Value.Digest.Template, [new Recipient(email.Trim(), fullName).Mailbox], [], rendered.Subject, rendered.Html, rendered.Text)
            {
                DedupKey = $"digest:{today:yyyy-MM-dd}:{userName}",
            });
        }
        var added = await queue.QueueAsync(db, emails, ct);
        if (skipped.Count > 0)
            logger.LogWarning("Task digest not sent to {Users}: no valid email address", string.Join(", ", skipped));
        logger.LogInformation("Task digest for {Date}: {Count} emails queued", today, added);
        if (added > 0 && sender.ClaimDispatch())
            jobs.Enqueue<EmailJobs>(j => j.Deliver(CancellationToken.None));
        return added;
    }

    private Task<List<UserTaskTable.OpenTask>> TasksOfAsync(string userName, DateTimeOffset now, CancellationToken ct) =>
        UserTaskTable.OpenForUserAsync(db, userName, now, 200, ct);
}
