using System.Text.Json.Nodes;
using Npgsql;
using Pppk.Workflow.Engine.Jobs;

namespace Pppk.Workflow.Runtime.Jobs;

/// <summary>
/// The code behind a <c>zeebe:taskDefinition type</c>. An inline handler only computes and uses our own database:
/// it runs inside the step's transaction. Results are the engine's <see cref="JobResult"/> contract (<see cref="JobContext.Connection"/>). An external handler reaches outside
/// (SMTP, HTTP): it runs after commit in a batched Hangfire job and may be run again after a crash, so it must be
/// idempotent by <see cref="JobContext.JobKey"/>.
/// </summary>
public interface IJobHandler
{
    string Type { get; }

    bool Inline { get; }

    /// <param name="ct">For an inline handler, cancelled at the step deadline (<c>Runtime:StepTimeout</c>): pass it on to every query.</param>
    Task<JobResult> HandleAsync(JobContext context, CancellationToken ct);
}

/// <summary>What a handler gets: the task's variables (after input mappings), its headers, and for inline handlers the step's transaction.</summary>
public sealed class JobContext
{
    public required Guid InstanceId { get; init; }
    public required string ElementId { get; init; }
    public required long WaitId { get; init; }
    public required string Type { get; init; }
    public required JsonObject Variables { get; init; }
    public required IReadOnlyDictionary<string, string> Headers { get; init; }
    public required int RetriesLeft { get; init; }
    public required IServiceProvider Services { get; init; }

    /// <summary>Stable across retries and re-runs: the key an external handler de-duplicates its effect by.</summary>
    public string JobKey => $"{InstanceId:N}:{WaitId}";

    /// <summary>
    /// Inline handlers only: asks for an outbox dispatch of <c>kind</c> (an <see cref="Outbox.IOutboxKind"/>) after the
    /// step commits, folded by <c>dedupKey</c>, not before <c>runAt</c>. Null for external handlers.
    /// </summary>
    public Action<string, string, DateTimeOffset?>? RequestDispatch { get; init; }

    /// <summary>The step's connection and transaction (inline handlers only; null for external ones).</summary>
    public NpgsqlConnection? Connection { get; init; }
    public NpgsqlTransaction? Transaction { get; init; }
}

/// <summary>Every registered handler by job type.</summary>
public sealed class JobHandlerRegistry(IEnumerable<IJobHandler> handlers)
{
    private readonly Dictionary<string, IJobHandler> _byType = handlers.ToDictionary(h => h.Type, StringComparer.Ordinal);

    public IJobHandler? Find(string type) => _byType.GetValueOrDefault(type);

    public IReadOnlyCollection<string> Types => _byType.Keys;
}
