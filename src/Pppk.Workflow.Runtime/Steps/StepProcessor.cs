using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.Jobs;
using Pppk.Workflow.Engine.Localization;
using Pppk.Workflow.Engine.State;
using Pppk.Workflow.Runtime.Definitions;
using Pppk.Workflow.Runtime.Diagnostics;
using Pppk.Workflow.Runtime.Database;
using Pppk.Workflow.Runtime.Incidents;
using Pppk.Workflow.Runtime.Instances;
using Pppk.Workflow.Runtime.Jobs;
using Pppk.Workflow.Runtime.Messages;
using Pppk.Workflow.Runtime.Signals;
using Pppk.Workflow.Runtime.Timers;
using Pppk.Workflow.Runtime.UserTasks;

namespace Pppk.Workflow.Runtime.Steps;

/// <summary>
/// Runs the queued triggers of a <see cref="StepTransaction"/> through the engine and turns each effect into rows:
/// user tasks, timers, subscriptions, jobs, child instances, history, incidents, inbox and outbox. Inline job handlers
/// run here, inside the transaction; their result is the next trigger of the same instance.
/// </summary>
internal sealed class StepProcessor(
    WorkflowEngine engine,
    DefinitionStore definitions,
    Decisions.DecisionStore decisionStore,
    JobHandlerRegistry handlers,
    StepDbContexts contexts,
    TimeProvider clock,
    ILogger<StepProcessor> logger)
{
    public async Task RunAsync(StepTransaction tx, CancellationToken ct)
    {
        while (tx.TryDequeue(out var item))
        {
            var (instance, trigger, user) = item;
            tx.Logged.Running(instance.Id);
            using var _ = RuntimeLog.InstanceScope(logger, instance.Id);
            tx.Deadline.Step(instance, trigger);
            if (trigger is InlineJobDue due)
            {
                await RunDueJobAsync(tx, instance, due.Job, ct);
                continue;
            }
            var deployed = await definitions.GetAsync(instance.DefinitionId, ct);
            var model = deployed.Model;
            var decisions = await decisionStore.ResolverForAsync(deployed, tx.Buffer.AssumedLatest, ct); // null unless the process has business rule tasks
            var result = tx.Overruns.Count > 0 && OverrunSteps.IsKnown(tx, Overrun.EngineKey(instance, trigger))
                ? OverrunSteps.EngineResult(tx, instance, trigger)
                : trigger is StartTrigger start ? engine.Start(model, start, decisions)
                : trigger is InstanceMigration.MigrateTo migrate ? migrate.Run(engine, instance)
                : engine.Handle(model, instance.State, trigger, decisions);
            if (result.WasIgnored)
            {
                tx.Ignored.Add((instance.Id, result.Ignored!));
                logger.LogDebug("Trigger {Trigger} ignored: {Reason}", trigger.GetType().Name, result.Ignored);
                continue;
            }
            tx.Tally.Step(instance, trigger);
            instance.State = result.State;
            instance.Dirty = true;
            tx.Logged.Step(instance, trigger);
            foreach (var effect in result.Effects)
                await ApplyAsync(tx, instance, effect, user, ct);
            // A substitute's completion: the task's history row names the user it was done for, too.
            if (trigger is UserTaskCompleted done && tx.Buffer.Tasks.ActsFor(new(instance.Id, done.WaitId), out var onBehalfOf))
                foreach (var ended in result.Effects.OfType<ElementEnded>().Where(e => e.CompletedBy is not null))
                    tx.Buffer.History.OnBehalfOf(instance.Id, ended.ElementInstanceKey, onBehalfOf);
        }
    }

    /// <summary>Turns one effect into rows; <paramref name="user"/> is who caused the step (recorded on a task it completes).</summary>
    private async Task ApplyAsync(StepTransaction tx, LoadedInstance instance, Effect effect, string? user, CancellationToken ct)
    {
        var buffer = tx.Buffer;
        var now = StoredTime.Of(clock.GetUtcNow()); // as stored, so answers built from memory match what is read back
        switch (effect)
        {
            case UserTaskCreated t:
                buffer.Tasks.Open(new UserTaskRow(Guid.CreateVersion7(), instance.Id, t.WaitId, t.ElementId, t.Name, t.Assignee,
                    [.. t.CandidateGroups], [.. t.CandidateUsers], t.DueAt?.ToUniversalTime(), t.FollowUpAt?.ToUniversalTime(), t.FormId ?? t.FormKey, now,
                    FormVersion: await FormBinding.VersionAsync(tx, definitions, instance, t, ct), Priority: t.Priority));
                break;
            case TimerScheduled t:
                var due = t.DueAt.ToUniversalTime();
                buffer.Timers[new(instance.Id, t.WaitId)] = new TimerTable.Row(t.ElementId, due);
                TimerArming.Arm(buffer, due, now);
                break;
            case MessageSubscriptionOpened m:
                buffer.Subscriptions[new(instance.Id, m.WaitId)] = new SubscriptionTable.Row(m.ElementId, m.MessageName, m.CorrelationKey, now);
                if (await MessageBuffer.TakeAsync(tx, m.MessageName, m.CorrelationKey, ct) is { } buffered)
                    tx.Enqueue(instance, new MessageCorrelated(m.WaitId, buffered), null);
                break;
            case SignalSubscriptionOpened s:
                buffer.Signals[new(instance.Id, s.WaitId)] = new SignalSubscriptionTable.Row(s.ElementId, s.SignalName, now);
                break;
            case SignalThrown s:
                await SignalBroadcast.RunAsync(tx, definitions, s.SignalName, s.Variables, null, throughInbox: true, now, ct);
                break;
            case EscalationNotCaught e:
                buffer.Audit.Record(instance.Id, now, null, "escalation-not-caught",
                    new JsonObject { ["elementId"] = e.ElementId, ["escalationCode"] = e.EscalationCode }.ToJsonString());
                break;
            case JobCreated j:
                await JobCreatedAsync(tx, instance, j, now, ct);
                break;
            case ChildInstanceRequested c:
                await StartChildAsync(tx, instance, c, now, ct);
                break;
            case WaitPointClosed w:
                await WaitClosedAsync(tx, instance, w, user, now, ct);
                break;
            case MessagePublished m:
                await MessagePublishing.PublishAsync(tx, definitions, m, now, ct);
                break;
            case CompletedToParent p:
                ToParent(tx, instance, new ChildCompleted(p.ParentWaitId, TriggerCopy(p.Variables)), now);
                break;
            case ErrorToParent p:
                ToParent(tx, instance, new ChildFailed(p.ParentWaitId, p.ErrorCode, p.Message), now);
                break;
            case EscalationToParent p:
                ToParent(tx, instance, new ChildEscalated(p.ParentWaitId, p.EscalationCode), now);
                break;
            case ElementStarted s:
                buffer.History.Started(new HistoryTable.Row(instance.Id, s.ElementInstanceKey, s.ElementId, s.ElementType, s.Name, s.At.ToUniversalTime()));
                break;
            case ElementEnded e:
                buffer.History.Ended(instance.Id, e.ElementInstanceKey, e.At.ToUniversalTime(), e.Terminated, e.CompletedBy, e.VariablesSet, instance.StartedAt);
                break;
            case IncidentRaised i:
                var english = i.Message.In(Language.English);
                buffer.Incidents.Raised(new IncidentTable.Row(instance.Id, i.IncidentId, i.ElementId, i.Message.Code, english, i.Message.In(Language.Indonesian), now));
                logger.LogWarning("Incident {IncidentCode} on {ElementId}: {Message}", i.Message.Code, i.ElementId, english);
                break;
            case IncidentResolved r:
                buffer.Incidents.Resolved(instance.Id, r.IncidentId, now);
                break;
            case InstanceModified m:
                Modification.ModificationAudit.Record(tx, instance, m, user, now);
                break;
            case ElementMigrated or UserTaskMigrated or JobMigrated or WaitPointMigrated or IncidentMigrated or InstanceMigrated:
                await InstanceMigration.MigratedRows.ApplyAsync(tx, definitions, instance, effect, ct);
                break;
            case DecisionEvaluated d:
                buffer.DecisionEvaluations.Record(Decisions.DecisionRecords.From(instance.Id, d, now));
                break;
            case VariablesChanged or InstanceCompleted or InstanceTerminated or InstanceCancelled:
                break; // carried by the state and the history
            default:
                throw new InvalidOperationException($"The runtime does not handle the engine effect {effect.GetType().Name}.");
        }
    }

    private async Task JobCreatedAsync(StepTransaction tx, LoadedInstance instance, JobCreated job, DateTimeOffset now, CancellationToken ct)
    {
        var key = new EffectBuffer.WaitKey(instance.Id, job.WaitId);
        var handler = handlers.Find(job.Type);
        var dueAt = job.NotBefore?.ToUniversalTime() ?? now;
        if (handler is { Inline: true } && dueAt <= now)
        {
            tx.Buffer.Jobs[key] = null; // a retried inline job that was waiting for its back-off leaves the table
            await RunInlineJobAsync(tx, instance, handler, job, ct);
            return;
        }
        if (handler is null)
        {
            var reason = IncidentTexts.NoJobHandler.Format(job.Type, string.Join(", ", handlers.Types.Order()));
            tx.Enqueue(instance, new JobFailed(job.WaitId, reason.ToString(), 0, Reason: reason), null);
            return;
        }
        tx.Buffer.Jobs[key] = new JobTable.Row(job.ElementId, job.Type, job.Retries, job.Variables.ToJsonString(),
            JsonSerializer.Serialize(job.Headers), dueAt, now);
        TimerArming.ArmJobs(tx.Buffer, dueAt, now);
    }

    /// <summary>An inline job whose back-off ended (the job drain found its row): it runs in this step like its first attempt.</summary>
    private async Task RunDueJobAsync(StepTransaction tx, LoadedInstance instance, JobCreated job, CancellationToken ct)
    {
        tx.Buffer.Jobs[new(instance.Id, job.WaitId)] = null;
        if (!instance.State.WaitPoints.Exists(w => w.Id == job.WaitId && w.Kind == WaitKind.Job))
        {
            tx.Ignored.Add((instance.Id, $"Job {job.WaitId} is no longer awaited; its retry is dropped."));
            return;
        }
        if (handlers.Find(job.Type) is { Inline: true } handler)
            await RunInlineJobAsync(tx, instance, handler, job, ct);
    }

    /// <summary>Runs an inline handler in the step (unless it ran past the deadline before) and queues its result for the instance.</summary>
    private async Task RunInlineJobAsync(StepTransaction tx, LoadedInstance instance, IJobHandler handler, JobCreated job, CancellationToken ct)
    {
        if (tx.Overruns.Count > 0 && OverrunSteps.IsKnown(tx, Overrun.HandlerKey(instance, job)))
        {
            tx.Enqueue(instance, OverrunSteps.HandlerResult(tx, job), null);
            return;
        }
        tx.Deadline.Handler(job);
        var result = await RunInlineAsync(tx, instance, handler, job, ct);
        tx.Deadline.Handler(null);
        tx.Enqueue(instance, result.ToTrigger(job.WaitId, job.Retries), null);
    }

    private async Task<JobResult> RunInlineAsync(StepTransaction tx, LoadedInstance instance, IJobHandler handler, JobCreated job, CancellationToken ct)
    {
        await using var step = new StepUnitOfWork(tx.Connection, tx.Transaction, contexts, (kind, key, runAt) => tx.Buffer.Outbox.TryAdd(kind, key, runAt), tx.Key);
        var context = new JobContext
        {
            InstanceId = instance.Id, ElementId = job.ElementId, WaitId = job.WaitId, Type = job.Type, Variables = job.Variables,
            Headers = job.Headers, RetriesLeft = job.Retries, Step = step,
        };
        // A savepoint keeps a failing handler's half-done writes out of the step; the failure becomes a retry or an incident.
        // A handler that writes only with the flush has nothing half-done to undo (its queued writes are dropped on failure).
        var savepoint = !handler.WritesWithStep;
        if (savepoint) await tx.Transaction.SaveAsync("inline_job", ct);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            var result = await handler.HandleAsync(context, ct);
            if (savepoint) await tx.Transaction.ReleaseAsync("inline_job", ct);
            tx.Buffer.HandlerWrites.AddRange(step.Writes);
            tx.Buffer.HandlerRows.AddRange(step.Rows);
            tx.Logged.Job(job.Type, instance.Id, job.ElementId, result.GetType().Name, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return result;
        }
        catch (Exception e) when (e is not OperationCanceledException && (savepoint || e is not Npgsql.NpgsqlException))
        {
            if (savepoint) await tx.Transaction.RollbackAsync("inline_job", ct);
            logger.LogWarning(e, "Inline job {JobType} on {ElementId} failed", job.Type, job.ElementId);
            return new JobResult.Failure($"{e.GetType().Name}: {e.Message}");
        }
    }

    private async Task StartChildAsync(StepTransaction tx, LoadedInstance parent, ChildInstanceRequested request, DateTimeOffset now, CancellationToken ct)
    {
        var (child, missing) = await definitions.ResolveAsync(request.ProcessId, request.Binding, await definitions.GetAsync(parent.DefinitionId, ct), ct);
        if (child is null)
        {
            tx.Enqueue(parent, new ChildStartFailed(request.WaitId, missing!), null);
            return;
        }
        var instance = new LoadedInstance
        {
            Id = Guid.CreateVersion7(), DefinitionId = child.Id, DefinitionKey = child.Key, Version = child.Version,
            BusinessKey = parent.BusinessKey, ParentInstanceId = parent.Id, ParentWaitId = request.WaitId, StartedAt = now,
            State = new InstanceState { ProcessId = child.Key }, IsNew = true,
        };
        tx.Instances[instance.Id] = instance;
        tx.Enqueue(instance, new StartTrigger(TriggerCopy(request.Variables), null, request.WaitId), null);
    }

    private async Task WaitClosedAsync(StepTransaction tx, LoadedInstance instance, WaitPointClosed closed, string? user, DateTimeOffset now, CancellationToken ct)
    {
        var key = new EffectBuffer.WaitKey(instance.Id, closed.WaitId);
        switch (closed.Kind)
        {
            case WaitKind.UserTask:
                tx.Buffer.Tasks.End(key, closed.Triggered, closed.Triggered ? user : null, now);
                break;
            case WaitKind.Timer:
                tx.Buffer.Timers[key] = null;
                break;
            case WaitKind.Message:
                tx.Buffer.Subscriptions[key] = null;
                break;
            case WaitKind.Signal:
                tx.Buffer.Signals[key] = null;
                break;
            case WaitKind.Job:
                tx.Buffer.Jobs[key] = null;
                break;
            case WaitKind.ChildInstance when !closed.Triggered:
                await CancelChildAsync(tx, instance, closed.WaitId, now, ct);
                break;
        }
    }

    private static async Task CancelChildAsync(StepTransaction tx, LoadedInstance parent, long waitId, DateTimeOffset now, CancellationToken ct)
    {
        var loaded = tx.Instances.Values.FirstOrDefault(i => i.ParentInstanceId == parent.Id && i.ParentWaitId == waitId);
        if (loaded is not null)
        {
            tx.Enqueue(loaded, new CancelInstance("The calling activity was withdrawn."), null);
            return;
        }
        if (await InstanceTable.ActiveChildAsync(tx, parent.Id, waitId, ct) is { } childId)
            tx.Buffer.Inbox.Add(childId, TriggerJson.Write(new CancelInstance("The calling activity was withdrawn.")), now);
    }

    /// <summary>Completion or error of a called instance: straight to the parent when it is in this transaction, else through its inbox (no lock is taken on it here, so parent and child never deadlock).</summary>
    private static void ToParent(StepTransaction tx, LoadedInstance child, Trigger trigger, DateTimeOffset now)
    {
        if (child.ParentInstanceId is not { } parentId) return;
        if (tx.Find(parentId) is { } parent)
            tx.Enqueue(parent, trigger, null);
        else
            tx.Buffer.Inbox.Add(parentId, TriggerJson.Write(trigger), now);
    }

    private static JsonObject? TriggerCopy(JsonObject? variables) => variables?.DeepClone().AsObject();
}
