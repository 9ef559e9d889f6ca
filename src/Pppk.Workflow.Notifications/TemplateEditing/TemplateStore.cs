using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Npgsql;
using Pppk.Workflow.Notifications.Templates;

namespace Pppk.Workflow.Notifications.TemplateEditing;

/// <summary>
/// The versions of the email templates: version 1 is the shipped files, each save in the editor adds the next one in
/// PostgreSQL, and the newest is what <see cref="EmailTemplates"/> renders. Loaded at start-up after the files, swapped
/// in at once on the node that saved, and picked up by every other node within <see cref="EmailOptions.TemplateRefresh"/>.
/// </summary>
public sealed class TemplateStore(EmailTemplates templates, NpgsqlDataSource db, TimeProvider clock, ILogger<TemplateStore> logger)
{
    private readonly ConcurrentDictionary<string, EmailTemplates.Source> _shipped = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public abstract record SaveResult;

    public sealed record Saved(TemplateVersionTable.Entry Entry) : SaveResult;

    public sealed record Refused(IReadOnlyList<EmailTemplates.PartProblem> Problems) : SaveResult;

    public sealed record Unchanged : SaveResult;

    public sealed record Conflict(int Current) : SaveResult;

    /// <summary>The shipped version of <paramref name="name"/>, or null for a name the templates folder does not have.</summary>
    public EmailTemplates.Source? Shipped(string name) => _shipped.GetValueOrDefault(name);

    /// <summary>Start-up, after the files loaded: remembers them as version 1 and puts the newest saved versions in their place.</summary>
    public async Task LoadAsync(CancellationToken ct)
    {
        foreach (var name in templates.Names)
            if (templates.Find(name) is { } t) _shipped[name] = t.Source;
        foreach (var row in await TemplateVersionTable.LatestAsync(db, ct)) Apply(row);
    }

    /// <summary>Takes in the versions other nodes saved since the last look (one cheap query when nothing changed).</summary>
    public async Task RefreshAsync(CancellationToken ct)
    {
        foreach (var (name, newest) in await TemplateVersionTable.NewestNumbersAsync(db, ct))
            if (templates.Find(name) is { } current && current.Version < newest && await TemplateVersionTable.GetAsync(db, name, newest, ct) is { } row)
                Apply(row);
    }

    /// <summary>Checks and saves a new version on top of <paramref name="baseVersion"/>, then renders with it at once.</summary>
    public async Task<SaveResult> SaveAsync(string name, int baseVersion, EmailTemplates.Source source, string? comment, string userName, int? restoredFrom, CancellationToken ct)
    {
        var (_, problems) = templates.Check(name, source);
        if (problems.Count > 0) return new Refused(problems);
        if (templates.Find(name) is { } current && current.Version == baseVersion && current.Source == source) return new Unchanged();
        var byName = await Runtime.People.Principals.FindAsync(db.CreateCommand, userName, ct) is { FullName: { Length: > 0 } full } ? full : null;
        var entry = new TemplateVersionTable.Entry(name, baseVersion + 1, userName, byName, clock.GetUtcNow(), comment, restoredFrom);
        if (!await TemplateVersionTable.InsertAsync(db, entry, source, baseVersion, ct))
        {
            var newest = (await TemplateVersionTable.NewestNumbersAsync(db, ct)).GetValueOrDefault(name, 1);
            return new Conflict(newest);
        }
        Apply(new TemplateVersionTable.Full(entry, source));
        logger.LogInformation("Email template {Template} version {Version} saved by {User}{Restore}", name, entry.Version, userName,
            restoredFrom is { } r ? $" (restores version {r})" : "");
        return new Saved(entry);
    }

    private void Apply(TemplateVersionTable.Full row)
    {
        var (name, version) = (row.Entry.Name, row.Entry.Version);
        if (!_shipped.ContainsKey(name))
        {
            logger.LogWarning("Email template {Template} version {Version} is in the database but not in the templates folder; it is not used", name, version);
            return;
        }
        lock (_gate)
        {
            if (templates.Find(name) is { } current && current.Version >= version) return;
            var problems = templates.Register(name, row.Source, version);
            // Saved versions passed the same checks; one that fails now (a filter removed since) keeps the previous one in use.
            if (problems.Count > 0)
                logger.LogError("Email template {Template} version {Version} is not valid and is not used: {Problems}", name, version, string.Join("; ", problems.Select(p => p.Message)));
        }
    }
}
