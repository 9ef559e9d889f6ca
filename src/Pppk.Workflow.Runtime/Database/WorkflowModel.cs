using Microsoft.EntityFrameworkCore;
using Pppk.Workflow.Runtime.Definitions;
using Pppk.Workflow.Runtime.Incidents;
using Pppk.Workflow.Runtime.Instances;
using Pppk.Workflow.Runtime.Jobs;
using Pppk.Workflow.Runtime.Messages;
using Pppk.Workflow.Runtime.Operations;
using Pppk.Workflow.Runtime.Outbox;
using Pppk.Workflow.Runtime.Signals;
using Pppk.Workflow.Runtime.Substitutions;
using Pppk.Workflow.Runtime.Timers;
using Pppk.Workflow.Runtime.UserTasks;

namespace Pppk.Workflow.Runtime.Database;

/// <summary>The engine's tables and the index of every query the API and the drains run.</summary>
internal static class WorkflowModel
{
    public static void Configure(ModelBuilder b)
    {
        Calendar.HolidayModel.Configure(b);
        Decisions.DecisionModel.Configure(b);
        b.HasPostgresExtension("pg_trgm"); // the inbox's search (instances.search); trusted, so the database owner may create it
        b.HasPostgresExtension("btree_gin"); // a group's offered tasks by their case's status in one GIN index (migration Issue21CaseStatusCopies); trusted
        b.Entity<DefinitionRecord>(e =>
        {
            e.ToTable("definitions");
            e.HasIndex(d => new { d.Key, d.Version }).IsUnique();
            e.HasIndex(d => d.Key).HasFilter("is_latest").IsUnique();
            e.Property(d => d.Deployment).HasColumnType("jsonb");
            e.HasIndex(d => new { d.Key, d.VersionTag }).HasFilter("version_tag IS NOT NULL");
        });
        b.Entity<FormRecord>(e =>
        {
            e.ToTable("forms");
            e.Property(f => f.Schema).HasColumnType("jsonb");
            e.HasIndex(f => new { f.FormId, f.Version }).IsUnique();
        });
        b.Entity<InstanceRecord>(e =>
        {
            e.ToTable("instances");
            e.Property(i => i.State).HasColumnType("jsonb");
            e.HasIndex(i => new { i.DefinitionKey, i.Status });
            e.HasIndex(i => new { i.BusinessKey, i.DefinitionKey });
            e.HasIndex(i => i.ParentInstanceId).HasFilter("parent_instance_id IS NOT NULL");
            e.HasIndex(i => i.EndedAt).HasFilter("ended_at IS NOT NULL AND state IS NOT NULL");
            e.Property(i => i.UnitCode).HasMaxLength(64);
            e.Property(i => i.Subject).HasMaxLength(64);
            // A unit's cases in the case list's order (keyset: started_at, id); also every read of a unit's cases by start.
            // With the status included, a unit's list and count filtered by status stay in the index.
            e.HasIndex(i => new { i.UnitCode, i.StartedAt, i.Id }).HasFilter("unit_code IS NOT NULL").IncludeProperties(i => i.Status);
            // A unit's cases of one workflow in the same order: a unit head's list of a workflow with few (or no) cases in
            // the unit read every case of the unit without it (0.84-0.92 s at 150,000 a unit).
            e.HasIndex(i => new { i.UnitCode, i.DefinitionKey, i.StartedAt, i.Id }).HasFilter("unit_code IS NOT NULL").IncludeProperties(i => i.Status);
            e.HasIndex(i => i.Subject).HasFilter("subject IS NOT NULL");
            // The cases with an open incident in the case list's order, with their unit (a unit head's): few, and the list's
            // filter by them scanned every case.
            e.HasIndex(i => new { i.StartedAt, i.Id }).HasFilter("has_incident").HasDatabaseName("ix_instances_incident_started_at_id")
                .IncludeProperties(i => i.UnitCode);
            // The inbox's search: "contains", any case, over title, subject and search keys (docs/api.md, the task list).
            e.HasIndex(i => i.Search).HasMethod("gin").HasOperators("gin_trgm_ops");
        });
        b.Entity<HistoryRecord>(e =>
        {
            // Partitioned by month of started_at (the migration Issue21HistoryPartitions, HistoryPartitions): the key holds the partition key.
            e.ToTable("history");
            e.HasKey(h => new { h.Id, h.StartedAt });
            e.Property(h => h.Id).UseIdentityByDefaultColumn();
            e.Property(h => h.Variables).HasColumnType("jsonb");
            e.HasIndex(h => new { h.InstanceId, h.ElementInstanceKey });
        });
        b.Entity<AuditRecord>(e =>
        {
            e.ToTable("audit");
            e.Property(a => a.Details).HasColumnType("jsonb");
            e.HasIndex(a => a.InstanceId);
        });
        b.Entity<UserTaskRecord>(e =>
        {
            e.ToTable("user_tasks");
            // By instance: the unique (instance_id, wait_id) below serves it.
            e.HasIndex(t => new { t.State, t.Assignee });
            // The groups of the unassigned tasks (every reader of them asks for unassigned tasks) with their case's status: a
            // GIN index in raw SQL (migration Issue21CaseStatusCopies), as the status is a copy the model does not map.
            e.HasIndex(t => new { t.InstanceId, t.WaitId }).IsUnique();
            e.Property(t => t.Priority).HasDefaultValue(Engine.Model.TaskPriority.Default);
            // The dashboard's durations: completed tasks of the last 90 days (TaskDurations).
            e.HasIndex(t => t.EndedAt).HasFilter("state = 'completed'").HasDatabaseName("ix_user_tasks_completed_ended_at");
        });
        b.Entity<SubstitutionRecord>(e =>
        {
            e.ToTable("substitutions");
            // "In force for substitute X now": by substitute, then the period's end.
            e.HasIndex(s => new { s.SubstituteUserName, s.ValidTo });
            e.HasIndex(s => new { s.UserName, s.ValidTo });
            e.Property(s => s.Reason).HasMaxLength(500);
        });
        b.Entity<TimerRecord>(e =>
        {
            e.ToTable("timers");
            e.HasIndex(t => t.DueAt);
            e.HasIndex(t => new { t.InstanceId, t.WaitId }).IsUnique();
        });
        b.Entity<MessageSubscriptionRecord>(e =>
        {
            e.ToTable("message_subscriptions");
            e.HasIndex(s => new { s.MessageName, s.CorrelationKey });
            e.HasIndex(s => new { s.InstanceId, s.WaitId }).IsUnique();
        });
        b.Entity<SignalSubscriptionRecord>(e =>
        {
            e.ToTable("signal_subscriptions");
            e.HasIndex(s => s.SignalName);
            e.HasIndex(s => new { s.InstanceId, s.WaitId }).IsUnique();
        });
        b.Entity<BufferedMessageRecord>(e =>
        {
            e.ToTable("buffered_messages");
            e.Property(m => m.Variables).HasColumnType("jsonb");
            e.HasIndex(m => new { m.Name, m.CorrelationKey });
            e.HasIndex(m => m.ExpiresAt);
        });
        b.Entity<MessageIdRecord>(e =>
        {
            e.ToTable("message_ids");
            e.HasKey(m => m.MessageId);
            e.HasIndex(m => m.ExpiresAt);
        });
        b.Entity<JobRecord>(e =>
        {
            e.ToTable("jobs");
            e.Property(j => j.Variables).HasColumnType("jsonb");
            e.Property(j => j.Headers).HasColumnType("jsonb");
            e.HasIndex(j => j.DueAt);
            e.HasIndex(j => new { j.InstanceId, j.WaitId }).IsUnique();
        });
        b.Entity<IncidentRecord>(e =>
        {
            e.ToTable("incidents");
            e.HasIndex(i => i.InstanceId);
            e.HasIndex(i => i.CreatedAt).HasFilter("resolved_at IS NULL");
        });
        b.Entity<OutboxRecord>(e =>
        {
            e.ToTable("outbox");
            e.HasIndex(o => new { o.Kind, o.DedupKey }).IsUnique();
            e.HasIndex(o => o.CreatedAt).HasFilter("dispatched_at IS NULL");
        });
        b.Entity<InboxRecord>(e =>
        {
            e.ToTable("inbox");
            e.Property(i => i.Trigger).HasColumnType("jsonb");
            e.HasIndex(i => i.InstanceId);
        });
        b.Entity<OperationRecord>(e =>
        {
            e.ToTable("operations");
            e.Property(o => o.Request).HasColumnType("jsonb");
            e.HasIndex(o => o.CreatedAt);
            e.HasIndex(o => o.State).HasFilter("state = 'running'");
            e.HasIndex(o => o.StreamKey).IsUnique().HasFilter("stream_key IS NOT NULL");
        });
        b.Entity<OperationItemRecord>(e =>
        {
            e.ToTable("operation_items");
            e.HasKey(i => new { i.OperationId, i.ItemNo });
            e.Property(i => i.Payload).HasColumnType("jsonb");
            // What chunks claim next: the pending items of one operation in order, without walking the done ones.
            e.HasIndex(i => new { i.OperationId, i.ItemNo }, "ix_operation_items_pending").HasFilter("state = 'pending'").HasDatabaseName("ix_operation_items_pending");
            e.HasIndex(i => new { i.OperationId, i.ItemNo }, "ix_operation_items_failed").HasFilter("state = 'failed'").HasDatabaseName("ix_operation_items_failed");
        });
    }
}
