using Microsoft.Extensions.Configuration;

namespace Pppk.Workflow.Host.Logging;

/// <summary>
/// The Serilog settings the host runs: the <c>Serilog</c> section as configured, with every sink of <c>WriteTo</c> behind
/// its own asynchronous buffer (Serilog.Sinks.Async). A request or step only hands its event to a bounded queue; a
/// background thread formats and writes it. When a queue is full (a sink cannot keep up), new events are dropped and
/// counted (<see cref="LogBuffers"/>), never waited for. Sinks stay configured as usual (<c>WriteTo:1:Args:path</c>).
/// <para>
/// The <c>Console</c> sink is left out when standard output is not a terminal (a service manager's pipe, a redirect to
/// a file) unless <c>Serilog:ConsoleWhenRedirected</c> is true: formatting every event twice and writing it to a pipe
/// nobody reads costs CPU the requests need, and the file has the same events.
/// </para>
/// </summary>
public static class LogSinks
{
    public const int BufferSize = 10_000;

    /// <summary>True keeps the <c>Console</c> sink when standard output is redirected (it is dropped then by default).</summary>
    public const string ConsoleWhenRedirected = "Serilog:ConsoleWhenRedirected";

    private const string WriteTo = "Serilog:WriteTo:";

    /// <summary>
    /// The <c>Serilog</c> section of <paramref name="configuration"/> with each sink wrapped in <c>Async</c> (unless it is
    /// one already), without the console sink when <paramref name="outputRedirected"/> and not configured otherwise.
    /// </summary>
    public static IConfiguration Buffered(IConfiguration configuration, bool outputRedirected)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var keepConsole = !outputRedirected || configuration.GetValue<bool>(ConsoleWhenRedirected);
        var configured = configuration.GetSection("Serilog:WriteTo").GetChildren().ToList();
        var dropped = configured.Where(s => !keepConsole && string.Equals(s["Name"], "Console", StringComparison.OrdinalIgnoreCase))
            .Select(s => s.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var sinks = configured.Where(s => !string.Equals(s["Name"], "Async", StringComparison.OrdinalIgnoreCase))
            .Select(s => s.Key).Except(dropped).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in configuration.GetSection("Serilog").AsEnumerable())
        {
            var sink = key.StartsWith(WriteTo, StringComparison.OrdinalIgnoreCase) ? key[WriteTo.Length..].Split(':', 2) : null;
            if (sink is [var gone, ..] && dropped.Contains(gone) || string.Equals(key, ConsoleWhenRedirected, StringComparison.OrdinalIgnoreCase)) continue;
            settings[sink is [var name, var rest] && sinks.Contains(name) ? $"{WriteTo}{name}:Args:configure:0:{rest}" : key] = value;
        }
        foreach (var name in sinks)
        {
            settings[$"{WriteTo}{name}:Name"] = "Async";
            settings[$"{WriteTo}{name}:Args:bufferSize"] = BufferSize.ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings[$"{WriteTo}{name}:Args:blockWhenFull"] = "false";
            settings[$"{WriteTo}{name}:Args:monitor"] = $"{typeof(LogBuffers).FullName}::{nameof(LogBuffers.Monitor)}, {typeof(LogBuffers).Assembly.GetName().Name}";
        }
        return new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
    }
}
