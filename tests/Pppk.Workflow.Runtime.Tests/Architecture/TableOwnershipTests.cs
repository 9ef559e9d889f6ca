using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Pppk.Workflow.Runtime.Database;

namespace Pppk.Workflow.Runtime.Tests.Architecture;

/// <summary>
/// One owner per table (docs/architecture.md, "The tables and their owners"): SQL naming a runtime table is written
/// only in the runtime's owner files, and nothing but the users context names the Identity tables.
/// </summary>
public sealed partial class TableOwnershipTests
{
    /// <summary>The files allowed to name each table of the runtime and the notifications (paths under src/Pppk.Workflow.).</summary>
    private static readonly Dictionary<string, string[]> Owners = new()
    {
        ["instances"] = ["Runtime/Instances/InstanceTable.cs", "Runtime/Instances/MyCasesQuery.cs", "Runtime/Instances/WorkCounts.cs", "Runtime/UserTasks/UserTaskTable.cs", "Runtime/Operations/OperationItemTable.cs", "Runtime/UserTasks/TaskInbox.cs", "Runtime/Instances/TaskDurations.cs", "Runtime/Incidents/IncidentList.cs", "Runtime/Decisions/DecisionEvaluationTable.cs"],
        ["history"] = ["Runtime/Instances/HistoryTable.cs", "Runtime/Instances/HistoryPartitions.cs", "Runtime/Instances/MyCasesQuery.cs"],
        ["audit"] = ["Runtime/Instances/AuditTable.cs"],
        ["user_tasks"] = ["Runtime/UserTasks/UserTaskTable.cs", "Runtime/UserTasks/Visibility.cs", "Runtime/Instances/WorkCounts.cs", "Runtime/UserTasks/TaskInbox.cs", "Runtime/Instances/TaskDurations.cs"],
        ["incidents"] = ["Runtime/Incidents/IncidentTable.cs", "Runtime/Incidents/IncidentList.cs", "Runtime/Instances/CaseConditions.cs"],
        ["definitions"] = ["Runtime/Definitions/DefinitionTable.cs", "Runtime/Instances/MyCasesQuery.cs", "Runtime/UserTasks/UserTaskTable.cs"],
        ["forms"] = ["Runtime/Definitions/DefinitionTable.cs"],
        ["timers"] = ["Runtime/Timers/TimerTable.cs"],
        ["jobs"] = ["Runtime/Jobs/JobTable.cs"],
        ["inbox"] = ["Runtime/Steps/InboxTable.cs"],
        ["outbox"] = ["Runtime/Outbox/OutboxTable.cs"],
        ["message_subscriptions"] = ["Runtime/Messages/SubscriptionTable.cs"],
        ["signal_subscriptions"] = ["Runtime/Signals/SignalSubscriptionTable.cs"],
        ["buffered_messages"] = ["Runtime/Messages/MessageBuffer.cs"],
        ["message_ids"] = ["Runtime/Messages/MessageIdTable.cs"],
        ["substitutions"] = ["Runtime/Substitutions/SubstitutionLookup.cs", "Runtime/UserTasks/Visibility.cs", "Runtime/UserTasks/TaskInbox.cs"],
        ["principals"] = ["Runtime/People/Principals.cs"],
        ["emails"] = ["Notifications/Delivery/EmailTable.cs"],
        ["email_template_versions"] = ["Notifications/TemplateEditing/TemplateVersionTable.cs"],
        ["operations"] = ["Runtime/Operations/OperationTable.cs", "Runtime/Operations/OperationItemTable.cs"],
        ["operation_items"] = ["Runtime/Operations/OperationItemTable.cs"],
        ["documents"] = ["Domain/Documents/DocumentTable.cs"],
        ["holidays"] = ["Runtime/Calendar/HolidayRecords.cs"],
        ["holiday_years"] = ["Runtime/Calendar/HolidayRecords.cs"],
        ["holiday_changes"] = ["Runtime/Calendar/HolidayRecords.cs"],
        ["case_comments"] = ["Domain/CaseNotes/CaseNoteTables.cs"],
        ["case_attachments"] = ["Domain/CaseNotes/CaseNoteTables.cs"],
        ["decisions"] = ["Runtime/Decisions/DecisionTable.cs"],
        ["decision_files"] = ["Runtime/Decisions/DecisionTable.cs"],
        ["decision_evaluations"] = ["Runtime/Decisions/DecisionEvaluationTable.cs"],
        ["document_templates"] = ["Domain/Documents/Templates/DocumentTemplateTable.cs"],
    };

    private static readonly string[] IdentityTables = ["users", "roles", "user_roles", "user_claims", "user_logins", "user_tokens", "role_claims"];

    [Fact]
    public void Every_runtime_table_has_owners_listed()
    {
        using var db = new DesignTimeDbContextFactory().CreateDbContext([]);
        var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().ToList();
        Assert.NotEmpty(tables);
        var unowned = tables.Where(t => !Owners.ContainsKey(t)).ToList();
        Assert.Empty(unowned);
        Assert.Contains("emails", Owners.Keys);
    }

    [Fact]
    public void Runtime_tables_are_named_only_by_their_owners()
    {
        var offenders = new List<string>();
        foreach (var (file, table) in TableNames())
        {
            if (Owners.TryGetValue(table, out var owners) && !owners.Any(o => file == "src/Pppk.Workflow." + o))
                offenders.Add($"{file} names pppk.{table}");
        }
        Assert.True(offenders.Count == 0, "SQL naming a table outside its owners (move it into the owner file): " + string.Join("; ", offenders));
    }

    [Fact]
    public void Identity_tables_are_named_only_by_the_users_context()
    {
        var offenders = TableNames().Where(n => IdentityTables.Contains(n.Table) && !n.File.StartsWith("src/Pppk.Workflow.Host/Users/Migrations/", StringComparison.Ordinal))
            .Select(n => $"{n.File} names pppk.{n.Table}").ToList();
        Assert.True(offenders.Count == 0, "Identity tables named outside the users context: " + string.Join("; ", offenders));
    }

    /// <summary>Every <c>pppk.table</c> in the C# sources outside migrations, as (file relative to the repository, table).</summary>
    private static IEnumerable<(string File, string Table)> TableNames()
    {
        var root = RepositoryRoot();
        var files = Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !f.Contains("/Migrations/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .ToList();
        Assert.True(files.Count > 100, $"found only {files.Count} source files under {root}/src");
        foreach (var file in files)
            foreach (var table in TableName().Matches(File.ReadAllText(Path.Combine(root, file))).Select(m => m.Groups[1].Value).Distinct())
                yield return (file, table);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Pppk.Workflow.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No Pppk.Workflow.sln above {AppContext.BaseDirectory}");
    }

    /// <summary><c>pppk.table</c>, not a dotted name going on (<c>pppk.outbox.backlog</c> is a metric).</summary>
    [GeneratedRegex(@"\bpppk\.([a-z_]+)\b(?!\.[a-z])")]
    private static partial Regex TableName();
}
