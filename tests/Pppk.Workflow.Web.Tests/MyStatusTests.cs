using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Pppk.Workflow.Auth;
using Pppk.Workflow.Host.Users;

namespace Pppk.Workflow.Web.Tests;

/// <summary>"Status saya": an employee sees their own cases (by their linked NIK), the step each is at and how the ended ones ended, and no one else's.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MyStatusTests(BrowserHost host)
{
    private const string NikA = "6402019912880001";
    private const string NikB = "6402019912880002";
    private const string Password = "Pegawai-Status-2026";

    [Fact]
    public async Task An_employee_starts_at_Status_saya_and_sees_only_their_own_cases_with_steps_and_outcomes()
    {
        await DeployAsync();
        await CreateEmployeeAsync("pegawai.status", NikA);
        // A: one case waiting at its second step, one appointed, one refused at the check; B: a renewal of someone else.
        var waiting = await StartAsync("uji-status-seleksi", NikA);
        await CompleteOpenTaskAsync(waiting, new { ms = true });
        var appointed = await StartAsync("uji-status-seleksi", NikA);
        await CompleteOpenTaskAsync(appointed, new { ms = true });
        await CompleteOpenTaskAsync(appointed, new { });
        var refused = await StartAsync("uji-status-seleksi", NikA);
        await CompleteOpenTaskAsync(refused, new { ms = false });
        var others = await StartAsync("uji-status-perpanjangan", NikB);

        var page = await host.SignedInPageAsync("pegawai.status", Password);
        await page.WaitForURLAsync("**/status-saya");
        await Assertions.Expect(page.GetByTestId("menu").GetByRole(AriaRole.Link, new() { Name = "Status saya" })).ToHaveClassAsync("active");
        var cases = page.GetByTestId("my-case");
        await Assertions.Expect(cases).ToHaveCountAsync(3);
        var ids = await cases.EvaluateAllAsync<string[]>("cards => cards.map(c => c.dataset.caseId)");
        Assert.Equal([refused, appointed, waiting], ids); // newest first
        Assert.DoesNotContain(others, ids);
        await Assertions.Expect(page.GetByTestId("my-cases")).Not.ToContainTextAsync("Perpanjangan");
        await Assertions.Expect(page.GetByTestId("my-cases")).Not.ToContainTextAsync("Keputusan PPK");

        var open = page.Locator($"[data-case-id='{waiting}']");
        await Assertions.Expect(open.GetByTestId("case-status")).ToHaveTextAsync("Berjalan");
        await Assertions.Expect(open.GetByTestId("case-now")).ToHaveTextAsync("Terima DRH lengkap");
        await Assertions.Expect(open.GetByTestId("done-step")).ToHaveTextAsync([new System.Text.RegularExpressions.Regex("^Pelamar terdaftar selesai .* WITA$"),
            new System.Text.RegularExpressions.Regex("^Verifikasi administrasi selesai .* WITA$")]);
        await Assertions.Expect(open).Not.ToContainTextAsync("Memenuhi syarat?"); // a decision is not a step

        var done = page.Locator($"[data-case-id='{appointed}']");
        await Assertions.Expect(done.GetByTestId("case-status")).ToHaveTextAsync("Selesai");
        await Assertions.Expect(done.GetByTestId("case-outcome")).ToHaveTextAsync("Hasil: Diangkat menjadi PPPK");
        await Assertions.Expect(done).ToContainTextAsync("Berakhir");
        await Assertions.Expect(page.Locator($"[data-case-id='{refused}']").GetByTestId("case-outcome")).ToHaveTextAsync("Hasil: Tidak memenuhi syarat");
        await BrowserHost.ScreenshotAsync(page, "44-status-saya");

        await page.GetByTestId("my-status-filter").SelectOptionAsync("active");
        await Assertions.Expect(cases).ToHaveCountAsync(1);
        await Assertions.Expect(cases).ToHaveAttributeAsync("data-case-id", waiting);
        await host.CloseAsync(page);
    }

    [Fact]
    public async Task An_employee_with_no_cases_reads_that_there_are_none_and_an_unlinked_account_reads_why()
    {
        await CreateEmployeeAsync("pegawai.baru", "6402019912880003");
        var page = await host.SignedInPageAsync("pegawai.baru", Password);
        await page.WaitForURLAsync("**/status-saya");
        await Assertions.Expect(page.GetByTestId("my-status-empty")).ToContainTextAsync("Belum ada proses atas nama Anda.");
        await BrowserHost.ScreenshotAsync(page, "45-status-saya-empty");
        await host.CloseAsync(page);

        await CreateEmployeeAsync("pegawai.tanpa.nik", nik: null);
        page = await host.SignedInPageAsync("pegawai.tanpa.nik", Password, "/status-saya");
        await Assertions.Expect(page.GetByTestId("my-status-unlinked")).ToContainTextAsync("Akun Anda belum terhubung dengan data pegawai.");
        await host.CloseAsync(page);
    }

    private async Task DeployAsync()
    {
        using var api = host.Client();
        using var deploy = new MultipartFormDataContent();
        foreach (var file in new[] { "uji-status-seleksi.bpmn", "uji-status-perpanjangan.bpmn" })
        {
            var content = new ByteArrayContent(await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", file)));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            deploy.Add(content, "files", file);
        }
        var deployed = await api.PostAsync("/api/definitions", deploy);
        Assert.True(deployed.IsSuccessStatusCode, await deployed.Content.ReadAsStringAsync());
    }

    /// <summary>An employee account linked to <paramref name="nik"/> in the database (the users API's own field is another part of the issue).</summary>
    private async Task CreateEmployeeAsync(string userName, string? nik)
    {
        using (var api = host.Client())
            (await api.PostAsJsonAsync("/api/users", new { userName, password = Password, roles = new[] { Roles.Employee } })).EnsureSuccessStatusCode();
        if (nik is null) return;
        await using var scope = host.Host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByNameAsync(userName))!;
        user.EmployeeNik = nik;
        Assert.True((await users.UpdateAsync(user)).Succeeded);
    }

    private async Task<string> StartAsync(string key, string nik)
    {
        using var api = host.Client();
        var response = await api.PostAsJsonAsync("/api/instances", new { definitionKey = key, variables = new { nik, namaPelamar = "Rahmat Hidayat" } });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["id"]!.ToString();
    }

    private async Task CompleteOpenTaskAsync(string instanceId, object variables)
    {
        var taskId = (await host.GetAsync($"/api/tasks?instanceId={instanceId}&state=open"))["items"]![0]!["id"]!.ToString();
        using var api = host.Client();
        (await api.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { variables })).EnsureSuccessStatusCode();
    }
}
