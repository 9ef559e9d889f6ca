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
        await Assertions.Expect(page.GetByTestId("chart-contracts")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("chart-selection")).ToBeVisibleAsync();
        await BrowserHost.ScreenshotAsync(page, "01-dashboard-hr-admin");

        await page.GetByTestId("sign-out").ClickAsync();
        await page.Locator("form.signin-card").WaitForAsync();
        Assert.Contains("/login", page.Url);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Masuk" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
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
        await page.Context.CloseAsync();
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
        await page.Context.CloseAsync();
    }
}
