using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Pppk.Workflow.Web.Tests;

/// <summary>
/// Issue 20, decision designer: the renewal decision table opened from "Keputusan", a rule edited in the table,
/// deployed as a new version, and evaluated in the test box with the matched rule highlighted and the new output.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DecisionDesignerTests(BrowserHost host)
{
    private const string Key = "rekomendasi-perpanjangan";
    private const string MatchedRule = "aturan-baik";

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Pppk.Workflow.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No Pppk.Workflow.sln above {AppContext.BaseDirectory}");
    }

    /// <summary>The renewal table of the workflows folder, deployed as the folder would (no change if it already is).</summary>
    private async Task DeployRenewalTableAsync()
    {
        var file = Path.Combine(RepositoryRoot(), "workflows", $"{Key}.dmn");
        using var api = host.Client();
        using var deploy = new MultipartFormDataContent();
        var content = new ByteArrayContent(await File.ReadAllBytesAsync(file));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        deploy.Add(content, "files", $"{Key}.dmn");
        var response = await api.PostAsync("/api/definitions", deploy);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<int> VersionAsync() => (int)(await host.GetAsync($"/api/decisions/{Key}"))["version"]!;

    private static async Task ShotsAsync(IPage page, string name)
    {
        await BrowserHost.ScreenshotAsync(page, $"{name}-1366x768");
        await page.SetViewportSizeAsync(1920, 1080);
        await BrowserHost.ScreenshotAsync(page, $"{name}-1920x1080");
        await page.SetViewportSizeAsync(1366, 768);
    }

    /// <summary>Fills the test box with a renewal that the "Baik" rule decides, and evaluates it.</summary>
    private static async Task EvaluateAsync(IPage page)
    {
        var box = page.GetByTestId("test-box");
        await box.Locator("[data-input=latestPredicate]").SelectOptionAsync("Baik");
        await box.Locator("[data-input=stillNeeded]").SelectOptionAsync("true");
        await box.Locator("[data-input=unitBudgetOk]").SelectOptionAsync("true");
        await box.Locator("[data-input=regionalRatioPercent]").FillAsync("24.5");
        await box.Locator("[data-input=fiscalOverride]").SelectOptionAsync("false");
        await box.GetByTestId("evaluate").ClickAsync();
        await Assertions.Expect(box.GetByTestId("matched-rules")).ToContainTextAsync("Aturan 8 cocok");
    }

    private static async Task<string> CellBackgroundAsync(IPage page, string ruleId) =>
        await page.Locator($".dmn-decision-table-container td[data-row-id='{ruleId}']").First
            .EvaluateAsync<string>("td => getComputedStyle(td).backgroundColor");

    /// <summary>
    /// English words dmn-js shows around what the author wrote (the rules' cells, names on the diagram and anything
    /// editable are the author's and are skipped), by the English-text walker's own word list.
    /// </summary>
    private static async Task<List<string>> EnglishShownAsync(IPage page)
    {
        var lines = await page.EvaluateAsync<string[]>("""
            () => {
              const own = (e) => e.closest('tbody td, .djs-element, [contenteditable], input, textarea, .test-box, [data-testid=dmn-tabs], .dmn-definitions');
              const visible = (e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
              const out = [];
              const walker = document.createTreeWalker(document.querySelector('.dmn-designer'), NodeFilter.SHOW_TEXT);
              for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.data.trim() && !own(n.parentElement) && visible(n.parentElement)) out.push(n.data);
              for (const e of document.querySelectorAll('.dmn-designer [title], .dmn-designer [placeholder], .dmn-designer [aria-label]'))
                for (const name of ['title', 'placeholder', 'aria-label']) if (e.getAttribute(name) && !e.closest('.djs-element, .test-box')) out.push(e.getAttribute(name));
              return out;
            }
            """);
        return lines.SelectMany(line => EnglishText.EnglishTextWalkerTests.EnglishIn(line).Select(word => $"{word} «{line.Trim()}»")).Distinct().ToList();
    }

    [Fact]
    public async Task The_renewal_table_is_edited_deployed_as_a_new_version_and_evaluated_with_the_matched_rule_highlighted()
    {
        await DeployRenewalTableAsync();
        var before = await VersionAsync();
        var page = await host.SignedInPageAsync(path: "/tugas");

        // The menu leads to the list; the list names the decision, its version and when it was deployed (WITA).
        await page.GetByTestId("menu").Locator("a[href='/keputusan']").ClickAsync();
        var row = page.Locator($"[data-testid=decision-row][data-key='{Key}']");
        await Assertions.Expect(row).ToContainTextAsync("Rekomendasi perpanjangan kontrak");
        await Assertions.Expect(row).ToContainTextAsync("WITA");
        await page.GetByTestId("decision-search").FillAsync("perpanjangan");
        await Assertions.Expect(row).ToBeVisibleAsync();
        await ShotsAsync(page, "60-decision-list");

        await row.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/keputusan/{Key}$"));
        var table = page.Locator(".dmn-decision-table-container");
        await Assertions.Expect(table).ToContainTextAsync("Aturan hasil:");
        await Assertions.Expect(table).ToContainTextAsync("Pertama yang cocok");
        await Assertions.Expect(table).Not.ToContainTextAsync("Hit policy");
        await Assertions.Expect(page.GetByTestId("dmn-title")).ToContainTextAsync($"versi {before}");
        Assert.Empty(await EnglishShownAsync(page));
        await table.Locator($"td[data-row-id='{MatchedRule}'][data-col-id='masukan-kebutuhan']").ClickAsync(new() { Button = MouseButton.Right });
        await Assertions.Expect(page.Locator(".dmn-designer .context-menu-flex")).ToContainTextAsync("Tambah aturan di bawah");
        Assert.Empty(await EnglishShownAsync(page));
        await page.Keyboard.PressAsync("Escape");

        // Before the edit: the deployed table gives one year for "Baik", and row 8 is marked.
        await EvaluateAsync(page);
        var output = page.GetByTestId("test-output");
        await Assertions.Expect(output.Locator("[data-output=rekomendasi]")).ToHaveTextAsync("diperpanjang");
        await Assertions.Expect(output.Locator("[data-output=masaTahun]")).ToHaveTextAsync("1");
        var plain = await CellBackgroundAsync(page, "aturan-sangat-baik");
        Assert.NotEqual(plain, await CellBackgroundAsync(page, MatchedRule));

        // Edit a rule in the table itself: "Baik" renewals become two years.
        var cell = table.Locator($"td[data-row-id='{MatchedRule}'][data-col-id='keluaran-masa'] [contenteditable]");
        await cell.ClickAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("2");
        await table.Locator(".decision-table-name").ClickAsync(); // leave the cell
        await Assertions.Expect(table.Locator($"td[data-row-id='{MatchedRule}'][data-col-id='keluaran-masa']")).ToHaveTextAsync("2");
        Assert.True(await page.EvaluateAsync<bool>("() => window.pppkDmnDesigner.unsaved"));
        await Assertions.Expect(page.GetByTestId("test-unsaved")).ToBeVisibleAsync();

        // Leaving asks in the decision's words, not the BPMN designer's "diagram atau formulir"; staying keeps the edit.
        await page.Locator(".toolbar a.back").ClickAsync();
        var leave = page.GetByTestId("leave-dialog");
        await Assertions.Expect(leave).ToContainTextAsync("Perubahan pada keputusan ini belum diterapkan");
        await Assertions.Expect(leave).Not.ToContainTextAsync("diagram atau formulir");
        await leave.GetByTestId("leave-stay").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/keputusan/{Key}$"));
        Assert.True(await page.EvaluateAsync<bool>("() => window.pppkDmnDesigner.unsaved"));

        // The server checks the edited file first.
        await page.GetByTestId("validate").ClickAsync();
        await Assertions.Expect(page.GetByTestId("status")).ToContainTextAsync("Valid.");

        // Deploy: a new version, listed with who and when; nothing unsaved any more.
        await page.GetByTestId("deploy").ClickAsync();
        await Assertions.Expect(page.GetByTestId("status")).ToContainTextAsync($"versi {before + 1}");
        Assert.Equal(before + 1, await VersionAsync());
        Assert.False(await page.EvaluateAsync<bool>("() => window.pppkDmnDesigner.unsaved"));
        var versions = page.GetByTestId("version-list");
        await Assertions.Expect(versions).ToContainTextAsync($"Versi {before + 1}");
        await Assertions.Expect(versions).ToContainTextAsync($"Versi {before}");

        // The same sample now gets two years from the new version, with rule 8 still the one that decided.
        await EvaluateAsync(page);
        await Assertions.Expect(output).ToContainTextAsync($"versi {before + 1}");
        await Assertions.Expect(output.Locator("[data-output=masaTahun]")).ToHaveTextAsync("2");
        await Assertions.Expect(page.GetByTestId("matched-rules")).ToContainTextAsync("Kinerja Baik atau Butuh Perbaikan");
        Assert.NotEqual(plain, await CellBackgroundAsync(page, MatchedRule));
        await table.Locator($"td[data-row-id='{MatchedRule}']").First.HoverAsync();
        await page.Mouse.WheelAsync(-3000, 0); // back to the first columns, as a user scrolls, for the screenshot
        await ShotsAsync(page, "61-decision-table-tested");

        // "Terapkan" again with nothing changed: no new version.
        await page.GetByTestId("deploy").ClickAsync();
        await Assertions.Expect(page.GetByTestId("status")).ToContainTextAsync("Tidak ada perubahan");
        Assert.Equal(before + 1, await VersionAsync());

        // The diagram of the file, with the decision selected and its properties.
        await page.Locator("[data-testid=dmn-tab][data-view-type=drd]").ClickAsync();
        var drd = page.Locator($".dmn-drd-container .djs-element[data-element-id='{Key}']");
        await drd.ClickAsync();
        await Assertions.Expect(page.GetByTestId("properties-panel")).ToContainTextAsync("Umum");
        foreach (var header in await page.Locator("[data-testid=properties-panel] .bio-properties-panel-group-header").AllAsync()) await header.ClickAsync();
        Assert.Empty(await EnglishShownAsync(page));
        await ShotsAsync(page, "62-decision-drd");

        // An older version opens read-only.
        await versions.GetByRole(AriaRole.Link, new() { Name = $"Versi {before}" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("readonly-banner")).ToContainTextAsync($"versi {before}");
        await Assertions.Expect(page.GetByTestId("deploy")).ToBeDisabledAsync();
        await host.CloseAsync(page);
    }
}
