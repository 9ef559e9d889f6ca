using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Pppk.Workflow.Host.Security;

/// <summary>
/// <c>Host:TrustedProxies</c>: the reverse proxies (addresses or networks such as <c>10.0.0.0/8</c>) whose
/// X-Forwarded-For and X-Forwarded-Proto the host believes. Empty, the default: none, so a client cannot name its own
/// address to dodge sign-in throttling. Behind a proxy that is not listed, every client has the proxy's address.
/// </summary>
public static class TrustedProxies
{
    public const string Key = "Host:TrustedProxies";

    public static void AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var (proxies, networks) = (new List<IPAddress>(), new List<System.Net.IPNetwork>());
        foreach (var entry in Entries(configuration))
        {
            if (entry.Contains('/') && System.Net.IPNetwork.TryParse(entry, out var network)) networks.Add(network);
            else if (IPAddress.TryParse(entry, out var address)) proxies.Add(address);
            else throw new InvalidOperationException($"{Key} has '{entry}', which is neither an IP address nor a network such as 10.0.0.0/8.");
        }
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            proxies.ForEach(o.KnownProxies.Add);
            networks.ForEach(o.KnownIPNetworks.Add);
        });
    }

    /// <summary>Only when proxies are listed: the forwarded headers of anyone else are never read.</summary>
    public static void UseTrustedProxies(this IApplicationBuilder app, IConfiguration configuration)
    {
        if (Entries(configuration).Count > 0) app.UseForwardedHeaders();
    }

    private static List<string> Entries(IConfiguration configuration)
    {
        var section = configuration.GetSection(Key);
        var values = section.Value is { } single ? single.Split(',') : section.GetChildren().Select(c => c.Value ?? "");
        return [.. values.Select(v => v.Trim()).Where(v => v.Length > 0)];
    }
}
