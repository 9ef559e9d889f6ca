using System.Net.Http.Json;
using Microsoft.Playwright;
using Pppk.Workflow.Testing;
using static Pppk.Workflow.Testing.Bpmn;

namespace Pppk.Workflow.Web.Tests;

/// <summary>
/// Issue 19, the users screen: hr-admin creates a unit head on the screen (unit picked by name, role, linked employee found
/// by name), hands over the temporary password; the new user signs in, must choose a password, and then sees only their
/// unit's tasks. Substitutes are named and ended from the user's dialog.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class UsersScreenTests(BrowserHost host)
{
    private static async Task BothSizesAsync(IPage page, string name)
    {
        await BrowserHost.ScreenshotAsync(page, $"{name}-1366");
        await page.SetViewportSizeAsync(1920, 1080);
        await BrowserHost.ScreenshotAsync(page, $"{name}-1920");
        await page.SetViewportSizeAsync(1366, 768);
    }

    [Fact]
    public async Task A_user_created_on_the_screen_with_a_unit_and_role_signs_in_changes_the_password_and_sees_only_that_units_tasks()
    {
        var api = new WorkflowApiClient(host.Client());
        await using (var db = Npgsql.NpgsqlDataSource.Create(host.ConnectionString))
        await using (var seed = db.CreateCommand("""
            INSERT INTO pppk.units (code, name) VALUES ('DISHUB', 'Dinas Perhubungan'), ('DISPORA', 'Dinas Pemuda dan Olahraga') ON CONFLICT DO NOTHING;
            INSERT INTO pppk.employees (id, nik, ni_pppk, name, unit_code, grade, service_years)
            VALUES (990190, '6402190000000001', '199001012024211901', 'Rudi Hartono Perhubungan', 'DISHUB', 9, 3) ON CONFLICT DO NOTHING;
            """))
            await seed.ExecuteNonQueryAsync();
        await api.DeployAsync(WithCase(Chain("uji-pengguna-unit", UserTask("setujui", "Setujui usulan unit", candidateGroups: "unit-head")), "=unitCode", null));
        await api.StartAsync("uji-pengguna-unit", new { unitCode = "DISHUB" }, "USUL-DISHUB-01");
        await api.StartAsync("uji-pengguna-unit", new { unitCode = "DISPORA" }, "USUL-DISPORA-01");

        var page = await host.SignedInPageAsync(path: "/pengguna");
        await page.GetByTestId("user-row").First.WaitForAsync();
        await Assertions.Expect(page.GetByTestId("menu").GetByRole(AriaRole.Link, new() { Name = "Pengguna" })).ToHaveAttributeAsync("aria-current", "page");
        await BothSizesAsync(page, "i19-users-list");

        await page.GetByTestId("user-new").ClickAsync();
        var dialog = page.GetByTestId("user-dialog");
        await dialog.GetByTestId("user-fullname").FillAsync("Rudi Hartono");
        await dialog.GetByTestId("user-username").FillAsync("rudi.dishub");
        await dialog.GetByTestId("user-email").FillAsync("rudi@kukarkab.go.id");
        await dialog.GetByTestId("user-unit").SelectOptionAsync(new SelectOptionValue { Label = "Dinas Perhubungan" });
        await dialog.GetByTestId("role-unit-head").CheckAsync();
        await dialog.GetByTestId("employee-search").FillAsync("Rudi Hart");
        await dialog.GetByTestId("employee-pick").Filter(new() { HasText = "Rudi Hartono Perhubungan" }).ClickAsync();
        await Assertions.Expect(dialog.GetByTestId("user-link-name")).ToContainTextAsync("6402190000000001");
        await BothSizesAsync(page, "i19-user-create-dialog");
        await dialog.GetByTestId("user-save").ClickAsync();
        var password = await dialog.GetByTestId("temp-password").TextContentAsync();
        Assert.Equal(14, password!.Trim().Length);
        await BothSizesAsync(page, "i19-user-temporary-password");
        await dialog.GetByTestId("user-close").ClickAsync();

        // The list shows names, not codes, and finds the user by the linked employee's NIK.
        await page.GetByTestId("user-search").FillAsync("6402190000000001");
        await page.GetByTestId("user-search").PressAsync("Enter");
        var row = page.GetByTestId("user-row");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync("Dinas Perhubungan");
        await Assertions.Expect(row).ToContainTextAsync("Kepala unit");
        await Assertions.Expect(row).ToContainTextAsync("Sandi sementara");
        await host.CloseAsync(page);

        // The new user: a temporary password leads to "Ganti kata sandi" first, then to their unit's task only.
        var user = await host.NewPageAsync();
        await user.GotoAsync("/tugas");
        await user.GetByLabel("Nama pengguna").FillAsync("rudi.dishub");
        await user.GetByLabel("Kata sandi").FillAsync(password.Trim());
        await user.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await user.GetByTestId("must-change").WaitForAsync();
        await BothSizesAsync(user, "i19-change-password");
        await user.GetByTestId("password-current").FillAsync(password.Trim());
        await user.GetByTestId("password-new").FillAsync("Rudi-Dishub-2026");
        await user.GetByTestId("password-again").FillAsync("Rudi-Dishub-2026");
        await user.GetByTestId("password-save").ClickAsync();
        await user.WaitForURLAsync("**/tugas");
        var rows = user.GetByTestId("task-row");
        await Assertions.Expect(rows.Filter(new() { HasText = "Setujui usulan unit" })).ToHaveCountAsync(1);
        await Assertions.Expect(rows.Filter(new() { HasText = "USUL-DISHUB-01" })).ToHaveCountAsync(1);
        await Assertions.Expect(rows.Filter(new() { HasText = "USUL-DISPORA-01" })).ToHaveCountAsync(0);
        await BrowserHost.ScreenshotAsync(user, "i19-new-unit-head-inbox-1366");
        await host.CloseAsync(user);
    }

    [Fact]
    public async Task A_substitute_is_named_for_a_period_refused_when_it_overlaps_and_ended_early_from_the_dialog()
    {
        using (var api = host.Client())
        {
            (await api.PostAsJsonAsync("/api/users", new { userName = "sekretaris.dinas", fullName = "Sekretaris Dinas", password = "Sekretaris-2026", roles = new[] { "verifier" } })).EnsureSuccessStatusCode();
            (await api.PostAsJsonAsync("/api/users", new { userName = "staf.pengganti", fullName = "Staf Pengganti", password = "Pengganti-2026", roles = new[] { "verifier" } })).EnsureSuccessStatusCode();
        }
        var page = await host.SignedInPageAsync(path: "/pengguna");
        await page.GetByTestId("user-search").FillAsync("sekretaris.dinas");
        await page.GetByTestId("user-search").PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("user-row")).ToHaveCountAsync(1);
        await page.GetByTestId("user-edit").ClickAsync();
        var dialog = page.GetByTestId("user-dialog");
        var form = dialog.GetByTestId("sub-form");
        var today = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Makassar"));
        async Task NameAsync(int fromDays, int toDays)
        {
            await form.GetByTestId("sub-substitute").FillAsync("staf.pengganti");
            await form.GetByTestId("sub-from").FillAsync(today.AddDays(fromDays).ToString("yyyy-MM-dd"));
            await form.GetByTestId("sub-to").FillAsync(today.AddDays(toDays).ToString("yyyy-MM-dd"));
            await form.GetByTestId("sub-reason").FillAsync("cuti tahunan");
            await form.GetByTestId("sub-add").ClickAsync();
        }
        await NameAsync(0, 4);
        var subs = dialog.GetByTestId("sub-row");
        await Assertions.Expect(subs).ToHaveCountAsync(1);
        await Assertions.Expect(subs).ToContainTextAsync("Berlaku");
        await Assertions.Expect(subs).ToContainTextAsync("Plh. Sekretaris Dinas: cuti tahunan");

        await NameAsync(2, 6);
        await Assertions.Expect(dialog.GetByTestId("sub-error")).ToContainTextAsync("periodenya bertumpang tindih");
        await BothSizesAsync(page, "i19-user-substitutes");

        page.Dialog += (_, d) => d.AcceptAsync();
        await subs.GetByTestId("sub-end").ClickAsync();
        await Assertions.Expect(subs).ToContainTextAsync("Selesai");
        await host.CloseAsync(page);
    }
}
