using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Pppk.Workflow.Auth;
using Pppk.Workflow.Host.Users;
using Pppk.Workflow.Testing;

namespace Pppk.Workflow.Host.Tests.MyStatus;

/// <summary>
/// "Status saya" (<c>GET /api/me/cases</c>): a person linked to a NIK sees the cases whose subject is that NIK, with the
/// step each waits at, its finished steps and its outcome, and nothing of anyone else's cases or of the case's data.
/// </summary>
public sealed class MyCasesTests(MyCasesTests.StatusHost host) : IClassFixture<MyCasesTests.StatusHost>
{
    public const string NikA = "6402010101900001";
    public const string NikB = "6402010101900002";
    public const string UserA = "status.a";
    public const string UserB = "status.b";
    public const string Unlinked = "status.c";
    private const string Password = "Status-Saya-2026";

    /// <summary>The test host with one process whose subject is <c>nik</c>: a start, one verification task, an end; two cases of A (one finished), one of B.</summary>
    public sealed class StatusHost : TestHost
    {
        public string WaitingA { get; private set; } = "";
        public string FinishedA { get; private set; } = "";
        public string CaseB { get; private set; } = "";

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            using var http = Client();
            var api = new WorkflowApiClient(http);
            await api.DeployAsync(Bpmn.Process("status-uji", $"""
                <bpmn:extensionElements><zeebe:properties><zeebe:property name="caseSubject" value="=nik"/></zeebe:properties></bpmn:extensionElements>
                <bpmn:startEvent id="start" name="Permohonan diterima"/>
                {Bpmn.UserTask("verifikasi", "Verifikasi berkas")}
                <bpmn:endEvent id="selesai" name="Diangkat menjadi PPPK"/>
                {Bpmn.Flow("f1", "start", "verifikasi")}
                {Bpmn.Flow("f2", "verifikasi", "selesai")}
                """));
            FinishedA = (string)(await api.StartAsync("status-uji", new { nik = NikA, gaji = 4_100_000, catatan = "rahasia-A-1" }))["id"]!;
            var task = (string)(await api.OpenTasksAsync(FinishedA))[0]!["id"]!;
            (await api.CompleteAsync(task, new { catatanVerifikator = "rahasia-verifikator" })).EnsureSuccessStatusCode();
            WaitingA = (string)(await api.StartAsync("status-uji", new { nik = NikA, catatan = "rahasia-A-2" }))["id"]!;
            CaseB = (string)(await api.StartAsync("status-uji", new { nik = NikB, catatan = "rahasia-B" }))["id"]!;
            await CreateEmployeeAsync(UserA, NikA);
            await CreateEmployeeAsync(UserB, NikB);
            await CreateEmployeeAsync(Unlinked, nik: null);
        }

        public Task<HttpClient> SignedInAsync(string userName) => SignedInClientAsync(userName, Password);

        /// <summary>An employee account, linked to <paramref name="nik"/> in the database (the users API's own field is another part of the issue).</summary>
        private async Task CreateEmployeeAsync(string userName, string? nik)
        {
            using (var admin = Client())
                Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/users", new { userName, password = Password, roles = new[] { Roles.Employee } })).StatusCode);
            if (nik is null) return;
            await using var scope = Host.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByNameAsync(userName))!;
            user.EmployeeNik = nik;
            Assert.True((await users.UpdateAsync(user)).Succeeded);
        }
    }

    [Fact]
    public async Task A_linked_employee_sees_only_the_cases_about_their_NIK()
    {
        using var a = await host.SignedInAsync(UserA);
        using var b = await host.SignedInAsync(UserB);

        var mine = await CasesAsync(a);
        Assert.True((bool)mine["linked"]!);
        Assert.Equal(2, (int)mine["total"]!);
        Assert.Equal([host.WaitingA, host.FinishedA], Ids(mine)); // newest first

        var theirs = await CasesAsync(b);
        Assert.Equal(1, (int)theirs["total"]!);
        Assert.Equal([host.CaseB], Ids(theirs));
    }

    [Fact]
    public async Task A_user_without_a_linked_NIK_gets_an_empty_page_that_says_so()
    {
        using var c = await host.SignedInAsync(Unlinked);
        var page = await CasesAsync(c);
        Assert.False((bool)page["linked"]!);
        Assert.Equal(0, (int)page["total"]!);
        Assert.Empty(page["items"]!.AsArray());
    }

    [Fact]
    public async Task A_waiting_case_shows_its_current_step_and_an_ended_one_its_outcome_without_data_or_staff_names()
    {
        using var a = await host.SignedInAsync(UserA);
        var response = await a.GetAsync("/api/me/cases");
        var text = await response.Content.ReadAsStringAsync();
        var items = JsonNode.Parse(text)!["items"]!.AsArray();

        var waiting = items.Single(i => (string)i!["id"]! == host.WaitingA)!;
        Assert.Equal("Proses status-uji", (string)waiting["process"]!);
        Assert.Equal("active", (string)waiting["status"]!);
        Assert.Equal("Berjalan", (string)waiting["statusText"]!);
        Assert.Equal(["Verifikasi berkas"], waiting["currentSteps"]!.AsArray().Select(s => (string)s!["name"]!));
        Assert.Null(waiting["currentSteps"]![0]!["endedAt"]);
        Assert.Equal(["Permohonan diterima"], waiting["steps"]!.AsArray().Select(s => (string)s!["name"]!));
        Assert.NotNull(waiting["steps"]![0]!["endedAt"]);
        Assert.Null(waiting["outcome"]);
        Assert.Null(waiting["endedAt"]);

        var finished = items.Single(i => (string)i!["id"]! == host.FinishedA)!;
        Assert.Equal("completed", (string)finished["status"]!);
        Assert.Equal("Selesai", (string)finished["statusText"]!);
        Assert.Equal("Diangkat menjadi PPPK", (string)finished["outcome"]!);
        Assert.Empty(finished["currentSteps"]!.AsArray());
        Assert.Equal(["Permohonan diterima", "Verifikasi berkas"], finished["steps"]!.AsArray().Select(s => (string)s!["name"]!));
        Assert.NotNull(finished["endedAt"]);

        // No variables, no business data, no one's name: the task was completed by the bootstrap key.
        Assert.DoesNotContain("rahasia", text);
        Assert.DoesNotContain("4100000", text);
        Assert.DoesNotContain("bootstrap", text);
        Assert.DoesNotContain("variables", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("completedBy", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(NikA, text);
    }

    [Fact]
    public async Task The_list_is_paged_and_filtered_by_status()
    {
        using var a = await host.SignedInAsync(UserA);
        var first = await CasesAsync(a, "?pageSize=1");
        Assert.Equal(2, (int)first["total"]!);
        Assert.Equal([host.WaitingA], Ids(first));
        Assert.Equal([host.FinishedA], Ids(await CasesAsync(a, "?pageSize=1&page=2")));
        Assert.Equal([host.FinishedA], Ids(await CasesAsync(a, "?status=completed")));
        Assert.Empty(Ids(await CasesAsync(a, "?status=cancelled")));

        var wrong = await a.GetAsync("/api/me/cases?status=done");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal("my-cases-status-invalid", (string)(await wrong.Content.ReadFromJsonAsync<JsonObject>())!["code"]!);
        Assert.Equal(HttpStatusCode.BadRequest, (await a.GetAsync("/api/me/cases?pageSize=501")).StatusCode);
    }

    [Fact]
    public async Task Reading_ones_own_cases_is_recorded_in_the_access_log_and_signed_out_callers_are_refused()
    {
        using var b = await host.SignedInAsync(UserB);
        using var admin = host.Client();
        async Task<JsonObject> LogAsync() => (await admin.GetFromJsonAsync<JsonObject>($"/api/access-log?kind=own-cases&user={UserB}"))!;
        var before = (int)(await LogAsync())["total"]!;
        await CasesAsync(b);
        var after = await LogAsync();
        Assert.Equal(before + 1, (int)after["total"]!);
        var entry = after["items"]![0]!;
        Assert.Equal(NikB, (string)entry["nik"]!);
        Assert.Equal(NikB, (string)entry["recordId"]!);

        // Without a linked NIK nothing personal was read, so nothing is recorded.
        using var c = await host.SignedInAsync(Unlinked);
        await CasesAsync(c);
        Assert.Equal(0, (int)(await admin.GetFromJsonAsync<JsonObject>($"/api/access-log?kind=own-cases&user={Unlinked}"))!["total"]!);

        using var anonymous = host.Client(apiKey: null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/me/cases")).StatusCode);
    }

    [Fact]
    public async Task The_signed_in_user_is_told_whether_their_account_is_linked_to_a_NIK()
    {
        using var linked = await host.SignedInAsync(UserB);
        using var unlinked = await host.SignedInAsync(Unlinked);
        Assert.True((bool)(await linked.GetFromJsonAsync<JsonObject>("/api/auth/me"))!["nikLinked"]!);
        Assert.False((bool)(await unlinked.GetFromJsonAsync<JsonObject>("/api/auth/me"))!["nikLinked"]!);
    }

    private static async Task<JsonObject> CasesAsync(HttpClient client, string query = "")
    {
        var response = await client.GetAsync($"/api/me/cases{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static List<string> Ids(JsonObject page) => page["items"]!.AsArray().Select(i => (string)i!["id"]!).ToList();
}
