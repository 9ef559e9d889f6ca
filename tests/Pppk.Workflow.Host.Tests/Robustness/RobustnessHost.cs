using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Pppk.Workflow.Testing;

namespace Pppk.Workflow.Host.Tests.Robustness;

/// <summary>
/// The real host with a machine client per kind of caller, and a little of everything a route can point at: a deployed
/// process, a running instance with an open task, a formation, an employee user. Route parameters use these ids, so bad
/// input reaches the code that would act on a real row.
/// </summary>
public sealed class RobustnessHost : TestHost
{
    public const string EmployeeKey = "robust-employee-key-0123456789";
    public const string VerifierKey = "robust-verifier-key-0123456789";
    public const string ProcessKey = "robust";
    public const string FormationCode = "ROB-1";
    public const string EmployeeUser = "pegawai.robust";
    public const string EmployeePassword = "Pegawai-Robust-2026";

    public string InstanceId { get; private set; } = "";
    public string TaskId { get; private set; } = "";
    public string EmployeeUserId { get; private set; } = "";

    /// <summary>A user nobody signs in as: the sweep sets its password and locks it (<c>/api/users/{id}/password</c>, <c>/lockout</c>).</summary>
    public string AccessTargetUserId { get; private set; } = "";

    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Auth:ApiKeys:0:Name"] = "employee-app";
        settings["Auth:ApiKeys:0:Key"] = EmployeeKey;
        settings["Auth:ApiKeys:0:Roles:0"] = "employee";
        settings["Auth:ApiKeys:1:Name"] = "verifier-tool";
        settings["Auth:ApiKeys:1:Key"] = VerifierKey;
        settings["Auth:ApiKeys:1:Roles:0"] = "verifier";
        // Hundreds of failed sign-ins of the sweep must not lock the suite's own users out.
        settings["Auth:MaxFailedAccessAttempts"] = "1000000";
        return settings;
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        using var client = Client();
        var api = new WorkflowApiClient(client);
        await api.DeployAsync(Bpmn.Chain(ProcessKey, Bpmn.UserTask("periksa", "Periksa berkas", "verifier")));
        InstanceId = (string)(await api.StartAsync(ProcessKey, new { unitCode = "DINKES" }, "robust-1"))["id"]!;
        TaskId = (string)(await api.OpenTasksAsync(InstanceId))[0]!["id"]!;

        var formations = await client.PostAsync("/api/imports/formations", new StringContent(
            $"kode_formasi,jabatan,kode_unit,nama_unit,jenis,kuota,tahun,tahap\n{FormationCode},Perawat,DINKES,Dinas Kesehatan,nakes,2,2024,1\n", Encoding.UTF8, "text/csv"));
        formations.EnsureSuccessStatusCode();

        var user = await client.PostAsJsonAsync("/api/users", new { userName = EmployeeUser, password = EmployeePassword, roles = new[] { "employee" } });
        user.EnsureSuccessStatusCode();
        EmployeeUserId = (string)(await user.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        var target = await client.PostAsJsonAsync("/api/users", new { userName = "sasaran.robust", password = EmployeePassword, roles = new[] { "employee" } });
        target.EnsureSuccessStatusCode();
        AccessTargetUserId = (string)(await target.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
    }
}
