using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Pppk.Workflow.Benchmarks.Email;
using Pppk.Workflow.Testing;

namespace Pppk.Workflow.Notifications.Tests.Support;

/// <summary>The real host against a fresh database, sending to a scripted SMTP server on loopback (started first).</summary>
public class EmailHost : TestHost
{
    public LoopbackSmtpServer Smtp { get; } = LoopbackSmtpServer.Start();

    protected override Dictionary<string, string?> Settings()
    {
        var s = base.Settings();
        foreach (var (k, v) in EmailSettings(Smtp.Port)) s[k] = v;
        return s;
    }

    public static Dictionary<string, string?> EmailSettings(int port) => new()
    {
        ["Email:Host"] = "127.0.0.1",
        ["Email:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:TlsMode"] = "None",
        ["Email:RetryDelay"] = "00:00:01",
        ["Email:MaxRetryDelay"] = "00:00:02",
        ["Email:Timeout"] = "00:00:10",
        ["Email:Digest:Enabled"] = "false",
        ["Jobs:QueuePollInterval"] = "00:00:00.200",
    };

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }

    public static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}

/// <summary>The email API and user set-up calls the tests make.</summary>
public sealed class EmailApi(HttpClient http)
{
    public HttpClient Http => http;

    public async Task<JsonObject> ListAsync(string query = "") => (await http.GetFromJsonAsync<JsonObject>($"/api/emails?pageSize=500{query}"))!;

    public async Task<JsonObject> GetAsync(long id) => (await http.GetFromJsonAsync<JsonObject>($"/api/emails/{id}"))!;

    public async Task CreateUserAsync(string userName, string? email, string fullName, params string[] roles)
    {
        var response = await http.PostAsJsonAsync("/api/users", new { userName, email, fullName, password = "Rahasia-2026!", roles });
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"User {userName}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Polls the list until <paramref name="done"/> holds for it.</summary>
    public async Task<JsonObject> WaitForAsync(Func<JsonObject, bool> done, string query = "", TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        JsonObject list;
        do
        {
            list = await ListAsync(query);
            if (done(list)) return list;
            await Task.Delay(150);
        } while (DateTime.UtcNow < deadline);
        throw new TimeoutException($"Emails never reached the expected state: {list.ToJsonString()[..Math.Min(2000, list.ToJsonString().Length)]}");
    }
}
