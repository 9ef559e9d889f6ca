using Microsoft.Extensions.Configuration;

namespace Pppk.Workflow.Host.Logging;

/// <summary>
/// The Serilog settings the host runs: the <c>Serilog</c> section as configured, with every sink of <c>WriteTo</c> behind
/// its own asynchronous buffer (Serilog.Sinks.Async). A request or step only hands its event to a bounded queue; a
/// background thread formats and writes it. When a queue is full (a sink cannot keep up), new events are dropped and
/// counted (<see cref="LogBuffers"/>), never waited for. Sinks stay configured as usual (<c>WriteTo:1:Args:path</c>).
/// </summary>
internal static class LogSinks
{
    public const int BufferSize = 10_000;

    private const string WriteTo = "Serilog:WriteTo:";

    /// <summary>The <c>Serilog</c> section of <paramref name="configuration"/> with each sink wrapped in <c>Async</c> (unless it is one already).</summary>
    public static IConfiguration Buffered(IConfiguration configuration)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var sinks = configuration.GetSection("Serilog:WriteTo").GetChildren()
            .Where(s => !string.Equals(s["Name"], "Async", StringComparison.OrdinalIgnoreCase))
            .Select(s => s.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in configuration.GetSection("Serilog").AsEnumerable())
        {
            var sink = key.StartsWith(WriteTo, StringComparison.OrdinalIgnoreCase) ? key[WriteTo.Length..].Split(':', 2) : null;
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
