using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Pppk.Workflow.Testing;

namespace Pppk.Workflow.Host.Tests.CaseNotes;

/// <summary>
/// The host with a small attachment limit (so the limit is reached quickly), a verifier and a PPK machine client, and a
/// process whose one task, offered to verifiers, requires an attachment (task header <c>requiresAttachment</c>).
/// </summary>
public sealed class CaseNotesHost : TestHost
{
    public const string VerifierKey = "notes-verifier-key-0123456789";
    public const string PpkKey = "notes-ppk-key-0123456789";
    public const string EmployeeKey = "notes-employee-key-0123456789";
    public const long AttachmentLimit = 64 * 1024;
    public const string Process = "catatan-kasus";

    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Limits:AttachmentBytes"] = AttachmentLimit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (i, name, key, role) in new[] { (0, "verifier-tool", VerifierKey, "verifier"), (1, "ppk-tool", PpkKey, "ppk"), (2, "employee-app", EmployeeKey, "employee") })
        {
            settings[$"Auth:ApiKeys:{i}:Name"] = name;
            settings[$"Auth:ApiKeys:{i}:Key"] = key;
            settings[$"Auth:ApiKeys:{i}:Roles:0"] = role;
        }
        return settings;
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        using var admin = Client();
        await new WorkflowApiClient(admin).DeployAsync(Bpmn.Process(Process, $"""
            <bpmn:startEvent id="start"/>
            {Bpmn.UserTask("periksa", "Periksa berkas", "verifier", """<zeebe:taskHeaders><zeebe:header key="requiresAttachment" value="true"/></zeebe:taskHeaders>""")}
            <bpmn:endEvent id="end"/>
            {Bpmn.Flow("f1", "start", "periksa")}
            {Bpmn.Flow("f2", "periksa", "end")}
            """));
    }

    /// <summary>A new case with its open task: (instance id, task id).</summary>
    public async Task<(string Instance, string Task)> StartAsync()
    {
        using var admin = Client();
        var api = new WorkflowApiClient(admin);
        var instance = (string)(await api.StartAsync(Process))["id"]!;
        var task = (string)(await api.OpenTasksAsync(instance))[0]!["id"]!;
        return (instance, task);
    }

    public static MultipartFormDataContent File(byte[] bytes, string fileName, string claimedType = "application/octet-stream", string? taskId = null)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(claimedType);
        var form = new MultipartFormDataContent { { file, "file", fileName } };
        if (taskId is not null) form.Add(new StringContent(taskId), "taskId");
        return form;
    }

    public static async Task<JsonObject> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!.AsObject();
    }
}
