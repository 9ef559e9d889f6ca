using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pppk.Workflow.Runtime.Instances;

namespace Pppk.Workflow.Runtime.Calendar;

/// <summary>On every node: compares the calendar's revision with the database's every <see cref="RuntimeOptions.CalendarRefresh"/>
/// and reloads when another node changed it, so an edit reaches all nodes within that time.</summary>
internal sealed class CalendarRefresher(HolidayCalendar calendar, IOptions<RuntimeOptions> options, ILogger<CalendarRefresher> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CalendarRefresh);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            // Before the start-up load there is nothing to compare with.
            if (calendar.Revision < 0) continue;
            try
            {
                await calendar.RefreshIfChangedAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Holiday calendar refresh failed; the running calendar stays until the next try");
            }
        }
    }
}
