using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Pppk.Workflow.Domain.Data;
using Pppk.Workflow.Runtime.Database;
using Pppk.Workflow.Runtime.Jobs;

namespace Pppk.Workflow.Domain;

public static class Extensions
{
    /// <summary>Registers the PPPK domain: its DbContext and migrations, options, and every job handler of its BPMN files.</summary>
    public static IServiceCollection AddPppkDomain(this IServiceCollection services)
    {
        services.AddDbContext<PppkDbContext>((sp, o) => o
            .UseNpgsql(sp.GetRequiredService<NpgsqlDataSource>(), npgsql => npgsql.MigrationsHistoryTable(PppkDbContext.MigrationsHistoryTable, "pppk"))
            .UseSnakeCaseNamingConvention());
        services.AddStepDbContext<PppkDbContext>(b => new PppkDbContext(b.UseSnakeCaseNamingConvention().Options));
        services.AddScoped<IDatabaseMigration, PppkMigration>();
        services.AddTransient<Selection.ScoreNotifications>();
        services.AddScoped<Selection.RankingTrigger>();
        services.AddScoped<IDatabaseMigration, Seeding.ReferenceDataLoader>(); // after the domain migration
        services.AddSingleton<Imports.CsvImporter>();
        services.AddSingleton<Seeding.DatasetLoader>();
        services.AddSingleton<Runtime.UserTasks.IUnitNames, Units.UnitNames>();
        services.AddOptions<Documents.DocumentsOptions>().BindConfiguration(Documents.DocumentsOptions.Section).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<Documents.DocumentsOptions>, Documents.DocumentsOptionsCheck>();
        services.AddSingleton<Documents.DocumentPdf>();
        services.AddSingleton<Documents.DocumentGenerator>();
        services.AddSingleton<Documents.Signing.IDocumentSigner>(sp => Documents.Signing.SignerSetup.Create(
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<Documents.DocumentsOptions>>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<Documents.Signing.LocalCertificateSigner>>()));
        services.AddSingleton<Notifications.Delivery.IEmailAttachmentSource, Documents.DocumentAttachments>();
        services.AddSingleton<Runtime.Operations.IStartSource, Handlers.Renewal.EvaluationStarts>();
        services.AddSingleton<Runtime.Operations.IStartSource, Handlers.Renewal.RenewalStarts>();
        foreach (var type in typeof(Extensions).Assembly.GetTypes().Where(t => typeof(IJobHandler).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false }))
            services.AddSingleton(typeof(IJobHandler), type);
        return services;
    }

    /// <summary>
    /// The domain's DbContext in the step's unit of work: an inline handler's reads and writes commit with the step.
    /// The unit of work disposes it when the handler returns; the handler does not.
    /// </summary>
    public static Task<PppkDbContext> DomainAsync(this JobContext context, CancellationToken ct) =>
        context.RequireStep().DbContextAsync<PppkDbContext>(ct);
}

internal sealed class PppkMigration(PppkDbContext db) : IDatabaseMigration
{
    public Task MigrateAsync(CancellationToken ct) => db.Database.MigrateWithHistoryTableAsync(ct);
}
