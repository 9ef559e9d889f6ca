using Microsoft.Extensions.Configuration;

namespace Pppk.Workflow.Host;

/// <summary><c>Host:Roles</c>: <c>web</c> (API, UI, dashboard), <c>worker</c> (Hangfire server) or both (the default).</summary>
public sealed record HostRoles(bool Web, bool Worker)
{
    public static HostRoles From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Host:Roles");
        var values = section.Value is { } single
            ? single.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : section.GetChildren().Select(c => c.Value ?? "").ToArray();
        if (values.Length == 0) return new HostRoles(true, true);

        var unknown = values.Where(v => v is not ("web" or "worker")).ToList();
        if (unknown.Count > 0)
            throw new InvalidOperationException($"Host:Roles has unknown role(s) {string.Join(", ", unknown)}; use \"web\", \"worker\" or \"web,worker\".");
        return new HostRoles(values.Contains("web"), values.Contains("worker"));
    }

    public override string ToString() => Web && Worker ? "web+worker" : Web ? "web" : "worker";
}
