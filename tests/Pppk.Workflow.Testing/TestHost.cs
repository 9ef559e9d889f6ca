using System.Net.Http.Headers;
using System.Net.Http.Json;
using Pppk.Workflow.Host;

namespace Pppk.Workflow.Testing;

/// <summary>
/// A class fixture: the real host (web and worker by default) on a free loopback port, against a fresh database.
/// Tests talk to it over HTTP like any client.
/// </summary>
public class TestHost : TestDatabase
{
    public const string BootstrapKey = "test-bootstrap-key-0123456789";
    public const string AdminPassword = "Admin-Password-2026";

    /// <summary>Tests log to a file in their output folder, not the repository's logs/.</summary>
    public static string LogPath => Path.Combine(AppContext.BaseDirectory, "logs", "test-.log");

    public RunningHost Host { get; private set; } = null!;
    public Uri Url => Host.Url!;

    /// <summary>Configuration on top of appsettings.json; override to change roles or add API keys.</summary>
    protected virtual Dictionary<string, string?> Settings() => new()
    {
        ["Urls"] = "http://127.0.0.1:0",
        ["Auth:BootstrapApiKey"] = BootstrapKey,
        ["Auth:Admin:Password"] = AdminPassword,
        ["Serilog:MinimumLevel:Default"] = "Warning",
        ["Serilog:MinimumLevel:Override:Hangfire"] = "Warning",
        // Emails of tests without an SMTP server go to a temporary pickup folder, not the repository's data/.
        ["Email:PickupDirectory"] = Path.Combine(Path.GetTempPath(), "pppk-test-mail", Guid.NewGuid().ToString("N")),
        ["Serilog:WriteTo:1:Args:path"] = LogPath,
        // The dashboard counts for every call, so a test sees the steps it just made (DashboardSnapshotTests cover the cache).
        ["Dashboard:Refresh"] = "00:00:00",
    };

    /// <summary>Extra registrations for the host under test (job handlers of the test).</summary>
    protected virtual void ConfigureServices(Microsoft.Extensions.DependencyInjection.IServiceCollection services)
    {
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await StartHostAsync();
    }

    /// <summary>Stops the host and starts it again on the same database, as a restart of the process would (a new port: make new clients).</summary>
    public async Task RestartAsync()
    {
        await Host.DisposeAsync();
        await StartHostAsync();
    }

    private async Task StartHostAsync()
    {
        var settings = Settings();
        settings["ConnectionStrings:Pppk"] = ConnectionString;
        Host = await PppkHost.StartAsync([], settings, ConfigureServices);
    }

    public override async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await base.DisposeAsync();
    }

    /// <summary>An HTTP client for the host; with <paramref name="apiKey"/> it authenticates as that machine client.</summary>
    public HttpClient Client(string? apiKey = BootstrapKey, bool followRedirects = false)
    {
        var handler = new HttpClientHandler { AllowAutoRedirect = followRedirects, UseCookies = true };
        var client = new HttpClient(handler) { BaseAddress = Url };
        if (apiKey is not null) client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    /// <summary>
    /// A client signed in with a cookie as <paramref name="userName"/>, sending the anti-forgery header on every request
    /// as the web front does (<see cref="Pppk.Workflow.Host.Security.CsrfGuard"/>).
    /// </summary>
    public async Task<HttpClient> SignedInClientAsync(string userName = "admin", string password = AdminPassword)
    {
        var client = Client(apiKey: null);
        var response = await client.PostAsJsonAsync("/api/auth/login", new { userName, password });
        response.EnsureSuccessStatusCode();
        client.DefaultRequestHeaders.Add(Pppk.Workflow.Host.Security.CsrfGuard.Header, "1");
        return client;
    }

    /// <summary>
    /// A client without a key that connects from another loopback address (such as 127.0.0.2): to the host, another
    /// client on the network, as sign-in throttling sees clients.
    /// </summary>
    public HttpClient ClientFrom(string localAddress)
    {
        var from = System.Net.IPAddress.Parse(localAddress);
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = true,
            ConnectCallback = async (context, ct) =>
            {
                var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new System.Net.IPEndPoint(from, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, ct);
                    return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        var client = new HttpClient(handler) { BaseAddress = Url };
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }
}
