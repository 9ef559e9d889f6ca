using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Pppk.Workflow.Notifications.TemplateEditing;

/// <summary>Every node looks for template versions saved on another node every <see cref="EmailOptions.TemplateRefresh"/>.</summary>
internal sealed class TemplateRefresher(TemplateStore store, IOptions<EmailOptions> options, TimeProvider clock, ILogger<TemplateRefresher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.TemplateRefresh, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await store.RefreshAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // A database outage: the templates in use stay, the next tick tries again.
                logger.LogWarning(e, "Email templates: could not look for new versions");
            }
        }
    }
}
