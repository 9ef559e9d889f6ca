using Microsoft.Playwright;

namespace Pppk.Workflow.Web.Tests;

[Collection(BrowserCollection.Name)]
public sealed class SignInTests(BrowserHost host)
{
    [Fact]
    public async Task Anonymous_visitors_get_the_sign_in_page_and_hr_admin_lands_on_the_dashboard_with_admin_menus()
    {
        await host.StartInstanceAsync("uji-verifikasi", "REG-DASBOR-1");
        var page = await host.SignedInPageAsync();
        await page.GetByTestId("dashboard").WaitForAsync();
        await Assertions.Expect(page.GetByTestId("total-instances")).Not.ToHaveTextAsync("0");
        await Assertions.Expect(page.GetByTestId("open-tasks")).Not.ToHaveTextAsync("0");
        var menu = page.GetByTestId("menu");
        await Assertions.Expect(menu).ToContainTextAsync("Desainer alur kerja");
        await Assertions.Expect(menu).ToContainTextAsync("Kotak tugas");
        await Assertions.Expect(page.GetByTestId("hangfire-link")).ToHaveAttributeAsync("href", "/hangfire");
        await Assertions.Expect(page.GetByTestId("chart-instances")).ToBeVisibleAsync();
        // A chart with nothing to show says so instead (issue 19).
        await Assertions.Expect(page.Locator("[data-testid=chart-contracts], [data-testid=empty-contracts]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=chart-selection], [data-testid=empty-selection]")).ToBeVisibleAsync();
        await BrowserHost.ScreenshotAsync(page, "01-dashboard-hr-admin");

        await page.GetByTestId("sign-out").ClickAsync();
        await page.Locator("form.signin-card").WaitForAsync();
        Assert.Contains("/login", page.Url);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Masuk" })).ToBeVisibleAsync();
        await host.CloseAsync(page);
    }

    [Fact]
    public async Task A_wrong_password_is_told_in_Indonesian()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/tugas");
        await page.Locator("form.signin-card").WaitForAsync();
        Assert.Contains("/login", page.Url);
        await page.GetByLabel("Nama pengguna").FillAsync("admin");
        await page.GetByLabel("Kata sandi").FillAsync("salah-sekali-123");
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("signin-error")).ToHaveTextAsync("Nama pengguna atau kata sandi salah.");
        await BrowserHost.ScreenshotAsync(page, "02-sign-in-wrong-password");
        await host.CloseAsync(page);
    }

    [Fact]
    public async Task A_verifier_does_not_see_the_designer_and_is_refused_it()
    {
        var page = await host.SignedInPageAsync(BrowserHost.VerifierName, BrowserHost.VerifierPassword);
        await page.GetByTestId("inbox").WaitForAsync();
        var menu = page.GetByTestId("menu");
        await Assertions.Expect(menu).ToContainTextAsync("Kotak tugas");
        await Assertions.Expect(menu).Not.ToContainTextAsync("Desainer");
        await Assertions.Expect(menu).Not.ToContainTextAsync("Dasbor");
        await Assertions.Expect(page.GetByTestId("hangfire-link")).ToHaveCountAsync(0);

        await page.GotoAsync("/desainer/uji-verifikasi");
        await Assertions.Expect(page.GetByTestId("forbidden")).ToContainTextAsync("Akses ditolak");
        await Assertions.Expect(page.GetByTestId("designer")).ToHaveCountAsync(0);
        await BrowserHost.ScreenshotAsync(page, "03-verifier-refused-designer");
        await host.CloseAsync(page);
    }

    [Fact]
    public async Task A_crafted_return_address_does_not_lead_off_site()
    {
        // A tab inside a URL is dropped by the browser: "/\t/evil.example/landing" would be "//evil.example/landing".
        var page = await host.SignedInPageAsync(path: "/login?returnUrl=%2F%09%2Fevil.example%2Flanding");
        await page.GetByTestId("dashboard").WaitForAsync();
        Assert.Equal(host.Url.Authority, new Uri(page.Url).Authority);
        Assert.Equal("/dasbor", new Uri(page.Url).AbsolutePath);
        await host.CloseAsync(page);
    }

    [Fact]
    public async Task Repeated_failures_are_throttled_and_told_in_Indonesian()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/login");
        await page.GetByLabel("Nama pengguna").FillAsync("penyusup");
        var error = page.GetByTestId("signin-error");
        for (var i = 0; i < 5; i++)
        {
            await page.GetByLabel("Kata sandi").FillAsync($"tebakan-ke-{i}");
            await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
            await Assertions.Expect(error).ToHaveTextAsync("Nama pengguna atau kata sandi salah.");
            await page.EvaluateAsync("() => { document.querySelector('[data-testid=signin-error]').textContent = ''; }");
        }
        await page.GetByLabel("Kata sandi").FillAsync("tebakan-terakhir");
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await Assertions.Expect(error).ToContainTextAsync("Terlalu banyak percobaan masuk yang gagal untuk nama pengguna ini");
        await Assertions.Expect(error).ToContainTextAsync("coba lagi dalam 15 menit");
        await BrowserHost.ScreenshotAsync(page, "20-sign-in-throttled");
        await host.CloseAsync(page);
    }

    [Fact]
    public async Task The_Hangfire_dashboard_runs_under_the_content_security_policy()
    {
        var page = await host.SignedInPageAsync();
        await page.GotoAsync("/hangfire");
        await Assertions.Expect(page.Locator(".navbar-brand")).ToContainTextAsync("Pppk.Workflow - Jobs");
        await page.GotoAsync("/hangfire/recurring");
        // Its script ran: it turns the times into relative ones ("in 5 hours").
        await Assertions.Expect(page.Locator("[data-moment]").First).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^(in |a few|\\d+ \\w+ ago)"));
        await BrowserHost.ScreenshotAsync(page, "16-hangfire-under-csp");

        // Its own posts pass its antiforgery token and the cross-site check (the sweep is harmless to run once more).
        await page.Locator("tr:has-text('runtime:sweep') input[type=checkbox]").CheckAsync();
        var trigger = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Trigger now" }).ClickAsync(), r => r.Url.EndsWith("/hangfire/recurring/trigger"));
        Assert.Equal(204, trigger.Status);
        await host.CloseAsync(page);
    }
}
