using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Pppk.Workflow.Runtime.Jobs;

/// <summary>How to build each DbContext type an inline handler may ask its step for (<see cref="StepUnitOfWork.DbContextAsync{TContext}"/>).</summary>
public sealed class StepDbContexts(IEnumerable<StepDbContexts.Registration> registrations)
{
    private readonly Dictionary<Type, Registration> _byType = registrations.ToDictionary(r => r.ContextType);

    /// <summary>One context type and how to build it on a given connection.</summary>
    public sealed record Registration(Type ContextType, Func<NpgsqlConnection, DbContext> Create);

    internal TContext Create<TContext>(NpgsqlConnection connection) where TContext : DbContext =>
        _byType.TryGetValue(typeof(TContext), out var r)
            ? (TContext)r.Create(connection)
            : throw new InvalidOperationException($"{typeof(TContext).Name} is not registered for inline job handlers; call services.AddStepDbContext<{typeof(TContext).Name}>(...) at start-up.");
}

public static class StepDbContextRegistration
{
    /// <summary>
    /// Lets inline handlers ask their step for a <typeparamref name="TContext"/>: <paramref name="create"/> gets a builder
    /// already on the step's connection and adds the context's own conventions, e.g.
    /// <c>b => new PppkDbContext(b.UseSnakeCaseNamingConvention().Options)</c>.
    /// </summary>
    public static IServiceCollection AddStepDbContext<TContext>(this IServiceCollection services, Func<DbContextOptionsBuilder<TContext>, TContext> create)
        where TContext : DbContext =>
        services.AddSingleton(new StepDbContexts.Registration(typeof(TContext), connection => create(new DbContextOptionsBuilder<TContext>().UseNpgsql(connection))));
}
