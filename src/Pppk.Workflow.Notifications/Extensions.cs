using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Pppk.Workflow.Notifications.Database;
using Pppk.Workflow.Notifications.Delivery;
using Pppk.Workflow.Notifications.Digest;
using Pppk.Workflow.Notifications.Recipients;
using Pppk.Workflow.Notifications.Tasks;
using Pppk.Workflow.Notifications.Templates;
using Pppk.Workflow.Runtime.Jobs;
using Pppk.Workflow.Runtime.Outbox;

namespace Pppk.Workflow.Notifications;

public static class Extensions
{
    /// <summary>Registers email: options (validated at start), outbox table, templates, the <c>email</c> job type, delivery and digest jobs.</summary>
    /// <param name="home">The application home; relative folders of <see cref="EmailOptions"/> are under it.</param>
    public static IServiceCollection AddPppkNotifications(this IServiceCollection services, IConfiguration configuration, string home)
    {
        var section = configuration.GetSection(EmailOptions.Section);
        services.AddOptions<EmailOptions>().Bind(section).ValidateDataAnnotations()
            .Validate(o => Enum.TryParse<MailKit.Security.SecureSocketOptions>(o.TlsMode, true, out _), "Email:TlsMode must be None, StartTls, StartTlsWhenAvailable, SslOnConnect or Auto.")
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.Digest.TimeZone, out _), "Email:Digest:TimeZone is not a known time zone id (e.g. Asia/Makassar).")
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), "Email:TimeZone is not a known time zone id (e.g. Asia/Makassar).")
            .Validate(o => o.Lease > TimeSpan.FromSeconds(1) && o.RetryDelay > TimeSpan.Zero && o.Timeout > TimeSpan.Zero, "Email:Lease, RetryDelay and Timeout must be positive.")
            .Validate(o => o.TemplateRefresh >= TimeSpan.FromSeconds(1), "Email:TemplateRefresh must be at least 00:00:01.")
            // Data annotations do not reach nested options: the digest time (read at start when the digest is on) is checked here.
            .Validate(o => !o.Digest.Enabled || System.Text.RegularExpressions.Regex.IsMatch(o.Digest.Time, @"^([01]\d|2[0-3]):[0-5]\d$"), "Email:Digest:Time must be a time of day as HH:mm, e.g. 07:30.")
            .ValidateOnStart();
        var options = section.Get<EmailOptions>() ?? new EmailOptions();

        services.AddDbContext<NotificationsDbContext>((sp, o) => o
            .UseNpgsql(sp.GetRequiredService<NpgsqlDataSource>(), npgsql => npgsql.MigrationsHistoryTable(NotificationsDbContext.MigrationsHistoryTable, NotificationsDbContext.Schema))
            .UseSnakeCaseNamingConvention());
        services.AddScoped<Pppk.Workflow.Runtime.Database.IDatabaseMigration, NotificationsMigrator>();
        services.AddSingleton(new MessageIds(options.MessageIdDomain));
        services.AddSingleton<EmailQueue>();
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<EmailOptions>>().Value;
            return new EmailTemplates(TimeZoneInfo.FindSystemTimeZoneById(o.TimeZone), sp.GetRequiredService<TimeProvider>(),
                new Dictionary<string, object?> { ["tautan_inbox"] = o.InboxUrl });
        });
        services.AddSingleton<TemplateEditing.TemplateStore>();
        services.AddHostedService<TemplateEditing.TemplateRefresher>();
        services.AddSingleton<EmailTaskValidator>();
        services.AddSingleton<Pppk.Workflow.Runtime.Definitions.IDefinitionCheck, Tasks.EmailDefinitionCheck>();
        services.AddSingleton<IRecipientResolver, UserRecipientResolver>();
        services.AddSingleton<RecipientService>();
        services.AddSingleton<IJobHandler, EmailJobHandler>();
        services.AddSingleton<IOutboxKind, EmailOutboxKind>();
        services.AddSingleton(sp => new EmailTransportFactory(sp.GetRequiredService<IOptions<EmailOptions>>(), Resolve(home, options.PickupDirectory)));
        services.AddSingleton<EmailSender>();
        services.AddSingleton<DailyDigest>();
        services.AddTransient<EmailJobs>();
        services.AddSingleton(new NotificationPaths(Resolve(home, options.TemplatesDirectory), Resolve(home, options.PickupDirectory)));
        return services;
    }

    /// <summary>Start-up (after the migrations, which include the outbox table): load and check every template (a bad one stops the start), then the newest edited versions; register the sweep and digest jobs.</summary>
    public static async Task StartNotificationsAsync(this IServiceProvider services, CancellationToken ct)
    {
        var paths = services.GetRequiredService<NotificationPaths>();
        var templates = services.GetRequiredService<EmailTemplates>();
        var problems = templates.LoadDirectory(paths.Templates);
        if (problems.Count > 0)
            throw new InvalidOperationException($"Email templates in {paths.Templates} are not valid:\n{string.Join("\n", problems.Select(p => "  " + p.Message))}");
        await services.GetRequiredService<TemplateEditing.TemplateStore>().LoadAsync(ct);
        var options = services.GetRequiredService<IOptions<EmailOptions>>().Value;
        services.GetRequiredService<ILoggerFactory>().CreateLogger("Pppk.Workflow.Notifications")
            .LogInformation("Email: {Count} templates loaded, delivery to {Target}", templates.Names.Count, options.UsesSmtp ? $"{options.Host}:{options.Port}" : paths.Pickup);
        var recurring = services.GetRequiredService<IRecurringJobManager>();
        recurring.AddOrUpdate<EmailJobs>("email:sweep", j => j.Deliver(CancellationToken.None), Cron.Minutely());
        if (options.Digest.Enabled)
        {
            var (hour, minute) = (int.Parse(options.Digest.Time[..2], System.Globalization.CultureInfo.InvariantCulture), int.Parse(options.Digest.Time[3..], System.Globalization.CultureInfo.InvariantCulture));
            recurring.AddOrUpdate<EmailJobs>("email:digest", j => j.SendDigest(CancellationToken.None), Cron.Daily(hour, minute),
                new RecurringJobOptions { TimeZone = TimeZoneInfo.FindSystemTimeZoneById(options.Digest.TimeZone) });
        }
        else recurring.RemoveIfExists("email:digest");
    }

    private static string Resolve(string home, string path) => Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(home, path));
}

/// <summary>The absolute template and pickup folders.</summary>
public sealed record NotificationPaths(string Templates, string Pickup);
