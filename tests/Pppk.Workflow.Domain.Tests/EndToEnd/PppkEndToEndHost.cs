using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using netDumbster.smtp;
using Pppk.Workflow.Testing;

namespace Pppk.Workflow.Domain.Tests.EndToEnd;

/// <summary>The real host (PostgreSQL, Hangfire, the deployed PPPK workflows) sending email to a netDumbster server on loopback.</summary>
public sealed class PppkEndToEndHost : TestHost
{
    public SimpleSmtpServer Smtp { get; } = SimpleSmtpServer.Start(FreePort());

    protected override Dictionary<string, string?> Settings()
    {
        var s = base.Settings();
        s["Email:Host"] = "127.0.0.1";
        s["Email:Port"] = Smtp.Configuration.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        s["Email:TlsMode"] = "None";
        s["Email:Digest:Enabled"] = "false";
        s["Jobs:QueuePollInterval"] = "00:00:00.200";
        return s;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Smtp.Stop();
    }

    private static int FreePort()
    {
        using var l = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        l.Start();
        return ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
    }
}

/// <summary>The calls a BKPSDM scenario makes, as the people who make them.</summary>
public sealed class Scenario(PppkEndToEndHost host)
{
    public HttpClient Admin { get; } = host.Client();

    /// <param name="unitCode">The user's unit (needed for unit-head and evaluator), added to <c>pppk.units</c> when missing.</param>
    public async Task<HttpClient> PersonAsync(string userName, string role, string? email = null, string? unitCode = null)
    {
        if (unitCode is not null)
        {
            await using var data = Npgsql.NpgsqlDataSource.Create(host.ConnectionString);
            await using var unit = data.CreateCommand("INSERT INTO pppk.units (code, name) VALUES (@code, @code) ON CONFLICT DO NOTHING");
            unit.Parameters.AddWithValue("code", unitCode);
            await unit.ExecuteNonQueryAsync();
        }
        var created = await Admin.PostAsJsonAsync("/api/users", new
        {
            userName, email = email ?? $"{userName}@kukarkab.go.id", fullName = userName, password = "Rahasia-2026!", unitCode, roles = new[] { role },
        });
        if (!created.IsSuccessStatusCode && !(await created.Content.ReadAsStringAsync()).Contains("already"))
            throw new InvalidOperationException($"User {userName}: {await created.Content.ReadAsStringAsync()}");
        return await host.SignedInClientAsync(userName, "Rahasia-2026!");
    }

    public async Task ImportAsync(string kind, string csv)
    {
        var response = await Admin.PostAsync($"/api/imports/{kind}", new StringContent(csv, Encoding.UTF8, "text/csv"));
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Import {kind}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public async Task<JsonObject> StartAsync(string key, object variables, string? businessKey = null)
    {
        var response = await Admin.PostAsJsonAsync("/api/instances", new { definitionKey = key, variables, businessKey });
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Start {key}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    public async Task PublishAsync(string name, string key, object? variables = null)
    {
        var response = await Admin.PostAsJsonAsync("/api/messages", new { name, correlationKey = key, variables, timeToLiveSeconds = 600 });
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Publish {name}: {await response.Content.ReadAsStringAsync()}");
    }

    public async Task<JsonObject> InstanceAsync(string id) => (await Admin.GetFromJsonAsync<JsonObject>($"/api/instances/{id}"))!;

    /// <summary>Waits until the instance has an open task on <paramref name="elementId"/> and returns it.</summary>
    public async Task<JsonObject> TaskAsync(string instanceId, string elementId, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var tasks = (await Admin.GetFromJsonAsync<JsonObject>($"/api/tasks?instanceId={instanceId}"))!["items"]!.AsArray();
            if (tasks.FirstOrDefault(t => (string?)t!["elementId"] == elementId) is JsonObject task) return task;
            if (DateTime.UtcNow > deadline)
            {
                var instance = await InstanceAsync(instanceId);
                var incidents = await Admin.GetFromJsonAsync<JsonObject>($"/api/incidents?instanceId={instanceId}");
                throw new TimeoutException($"No open task {elementId} on {instanceId}: active {instance["activeElementIds"]?.ToJsonString()}, status {instance["status"]}, incidents {incidents!["items"]!.ToJsonString()}");
            }
            await Task.Delay(150);
        }
    }

    public async Task CompleteAsync(HttpClient person, string instanceId, string elementId, object variables)
    {
        var task = await TaskAsync(instanceId, elementId);
        var response = await person.PostAsJsonAsync($"/api/tasks/{task["id"]}/complete", new { variables });
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Complete {elementId}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        // The answer is built from the committed step (unit from the formation included); it must be what GET shows.
        var answered = await response.Content.ReadFromJsonAsync<JsonObject>();
        var read = (await Admin.GetFromJsonAsync<JsonObject>($"/api/tasks/{task["id"]}"))!["task"];
        Assert.True(JsonNode.DeepEquals(read, answered), $"complete {elementId} answered {answered?.ToJsonString()}, GET shows {read?.ToJsonString()}");
        Assert.Equal("completed", (string?)answered!["state"]);
    }

    /// <summary>Attaches a small PDF to the open task's case, as a verifier does before answering an appeal (the task requires an attachment).</summary>
    public async Task AttachAsync(HttpClient person, string instanceId, string elementId, string fileName)
    {
        var task = await TaskAsync(instanceId, elementId);
        using var form = new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.4\n%%EOF\n"u8.ToArray()), "file", fileName }, { new StringContent((string)task["id"]!), "taskId" } };
        var response = await person.PostAsync($"/api/instances/{instanceId}/attachments", form);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Attach {fileName}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public async Task<JsonObject> WaitForAsync(string instanceId, Func<JsonObject, bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var instance = await InstanceAsync(instanceId);
            if (condition(instance)) return instance;
            if (DateTime.UtcNow > deadline)
            {
                var incidents = await Admin.GetFromJsonAsync<JsonObject>($"/api/incidents?instanceId={instanceId}");
                throw new TimeoutException($"{what}: instance {instanceId} is {instance["status"]} at {instance["activeElementIds"]?.ToJsonString()}; incidents {incidents!["items"]!.ToJsonString()}");
            }
            await Task.Delay(150);
        }
    }

    public static bool At(JsonObject instance, string elementId) => instance["activeElementIds"]!.AsArray().Any(e => (string?)e == elementId);

    /// <summary>Waits until netDumbster holds an email to <paramref name="to"/> whose subject contains <paramref name="subject"/>.</summary>
    public async Task<SmtpMessage> EmailAsync(string to, string subject, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var match = host.Smtp.ReceivedEmail.FirstOrDefault(m => m.ToAddresses.Any(a => string.Equals(a.Address, to, StringComparison.OrdinalIgnoreCase))
                                                                    && (m.Subject ?? "").Contains(subject, StringComparison.OrdinalIgnoreCase));
            if (match is not null) return match;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"No email to {to} with '{subject}'. Received: {string.Join(" | ", host.Smtp.ReceivedEmail.Select(m => $"{string.Join(",", m.ToAddresses.Select(a => a.Address))}: {m.Subject}"))}");
            await Task.Delay(150);
        }
    }

    public int EmailsTo(string to) => host.Smtp.ReceivedEmail.Count(m => m.ToAddresses.Any(a => string.Equals(a.Address, to, StringComparison.OrdinalIgnoreCase)));
}
