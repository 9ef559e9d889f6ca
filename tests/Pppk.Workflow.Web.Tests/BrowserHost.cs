using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Pppk.Workflow.Testing;

namespace Pppk.Workflow.Web.Tests;

/// <summary>
/// The real host with the test workflows deployed and a verifier account, plus one headless Debian Chromium
/// (launched by Playwright from /usr/bin/chromium; no browser download) shared by the browser tests.
/// </summary>
public sealed class BrowserHost : TestHost
{
    public const string VerifierName = "verifikator1";
    public const string VerifierPassword = "Verifikator-2026";

    public static string ChromiumPath => Environment.GetEnvironmentVariable("PPPK_CHROMIUM") is { Length: > 0 } p ? p : "/usr/bin/chromium";

    public static string ScreenshotDirectory => Path.Combine(AppContext.BaseDirectory, "screenshots");

    private IPlaywright? _playwright;

    /// <summary>Few job workers: these tests need none running in the background, and other test projects run beside them.</summary>
    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Jobs:WorkerCount"] = "2";
        return settings;
    }

    public IBrowser Browser { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        using var api = Client();
        using var deploy = new MultipartFormDataContent();
        foreach (var file in new[] { "uji-verifikasi.bpmn", "uji-desain.bpmn", "uji-insiden.bpmn", "uji-terlambat.bpmn", "periksa-berkas.form" })
        {
            var content = new ByteArrayContent(await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", file)));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            deploy.Add(content, "files", file);
        }
        var deployed = await api.PostAsync("/api/definitions", deploy);
        if (!deployed.IsSuccessStatusCode)
            throw new InvalidOperationException($"Deploying the test workflows failed: {await deployed.Content.ReadAsStringAsync()}");
        var user = await api.PostAsJsonAsync("/api/users", new { userName = VerifierName, password = VerifierPassword, fullName = "Verifikator Satu", roles = new[] { "verifier" } });
        user.EnsureSuccessStatusCode();

        Directory.CreateDirectory(ScreenshotDirectory);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });
    }

    public override async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        await base.DisposeAsync();
    }

    /// <summary>A fresh browser context (no cookies) and page at the smallest common office screen (1366x768), so a screenshot shows what is cut off.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Url.ToString(),
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
            Locale = "id-ID",
            TimezoneId = "Asia/Makassar",
        });
        context.SetDefaultTimeout(20_000);
        var violations = _violations.GetOrCreateValue(context);
        // Chromium reports a blocked resource in the console; the event also catches what it reports only to the page.
        await context.AddInitScriptAsync("""
            document.addEventListener('securitypolicyviolation', (e) =>
              console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`));
            """);
        context.Console += (_, m) =>
        {
            if (m.Type != "error") return;
            Console.WriteLine($"[browser] {m.Text}");
            if (m.Text.Contains("Content Security Policy", StringComparison.Ordinal) || m.Text.StartsWith("CSP violation", StringComparison.Ordinal))
                violations.Enqueue($"{m.Text} (page {m.Page?.Url})");
        };
        var page = await context.NewPageAsync();
        page.PageError += (_, e) => Console.WriteLine($"[browser page error] {e}");
        return page;
    }

    private readonly ConditionalWeakTable<IBrowserContext, ConcurrentQueue<string>> _violations = new();

    /// <summary>Closes the page's browser context and asserts that the Content-Security-Policy blocked nothing in it.</summary>
    public async Task CloseAsync(IPage page)
    {
        await page.Context.CloseAsync();
        Assert.True(_violations.TryGetValue(page.Context, out var violations));
        Assert.Empty(violations);
    }

    /// <summary>Signs in through the web front's own sign-in page.</summary>
    public async Task<IPage> SignedInPageAsync(string userName = "admin", string password = AdminPassword, string path = "/")
    {
        var page = await NewPageAsync();
        await page.GotoAsync(path);
        try
        {
            await page.Locator("form.signin-card").WaitForAsync();
        }
        catch (TimeoutException)
        {
            await ScreenshotAsync(page, $"failed-sign-in-{userName}");
            throw new InvalidOperationException($"No sign-in page at {page.Url}: {await page.ContentAsync()}");
        }
        await page.GetByLabel("Nama pengguna").FillAsync(userName);
        await page.GetByLabel("Kata sandi").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await page.GetByTestId("user-name").WaitForAsync();
        return page;
    }

    public async Task<JsonObject> StartInstanceAsync(string key, string businessKey, int nilai = 412)
    {
        using var api = Client();
        var response = await api.PostAsJsonAsync("/api/instances", new { definitionKey = key, businessKey, variables = new { namaPelamar = "Siti Rahma", nilai } });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public async Task<JsonObject> GetAsync(string path)
    {
        using var api = Client();
        return (await api.GetFromJsonAsync<JsonObject>(path))!;
    }

    /// <summary>Opens a group of the properties panel by its title (the panel's own title attribute, else its text).</summary>
    public static async Task OpenGroupAsync(ILocator panel, string title)
    {
        var header = panel.Locator($".bio-properties-panel-group-header:has(.bio-properties-panel-group-header-title[title='{title}'])").First;
        if (await header.CountAsync() == 0)
            header = panel.Locator(".bio-properties-panel-group-header", new() { HasText = title }).First;
        if (!(await header.GetAttributeAsync("class") ?? "").Contains("open"))
            await header.ClickAsync();
    }

    public static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, $"{name}.png"), FullPage = false });
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserHost>
{
    public const string Name = "browser";
}
