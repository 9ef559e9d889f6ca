using Npgsql;

namespace Pppk.Workflow.Runtime.Steps;

/// <summary>
/// The pool step transactions run on. Its sessions carry the backstop of the step deadline: PostgreSQL itself ends a
/// transaction left idle, or a statement running, for twice <see cref="Instances.RuntimeOptions.StepTimeout"/>, for when
/// this process cannot end a step itself (see <see cref="StepGuard"/>). Set as the connection opens, so no step pays a
/// round trip for it (<c>SET LOCAL</c> in each transaction showed as more CPU per step in the runtime benchmark), and
/// other work (migrations, imports, pruning) on the main pool is not limited.
/// </summary>
internal sealed class StepDataSource(NpgsqlDataSource source) : IAsyncDisposable
{
    public NpgsqlDataSource Source => source;

    public static StepDataSource Create(NpgsqlDataSourceBuilder builder, TimeSpan stepTimeout)
    {
        var ms = (long)Math.Max(1000, 2 * stepTimeout.TotalMilliseconds);
        var settings = builder.ConnectionStringBuilder;
        settings.Options = $"{settings.Options} -c statement_timeout={ms} -c idle_in_transaction_session_timeout={ms}".Trim();
        return new StepDataSource(builder.Build());
    }

    public ValueTask DisposeAsync() => source.DisposeAsync();
}
