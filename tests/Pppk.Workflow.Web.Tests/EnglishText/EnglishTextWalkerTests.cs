using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Pppk.Workflow.Web.Tests.EnglishText;

/// <summary>
/// Issue 19: no English in any screen. Signed in as hr-admin on Kukar-like data, the test walks every link of the sidebar
/// menu (read from the page, so a new screen is walked without changing this test) and the detail pages behind them (a
/// task, a case in the viewer, the designer with an element selected and every properties group open, the template
/// chooser, the form editor with one field of each palette type), collects the visible text and the title, placeholder
/// and aria-label attributes, and fails listing every English word found (<see cref="EnglishWords"/>) that is not an
/// allowed name (<see cref="Allowed"/>). Screenshots walk-*.png at 1366x768.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class EnglishTextWalkerTests(BrowserHost host)
{
    /// <summary>Proper and technical names the screens may show as they are, and words Indonesian shares with English ("BE": the Buddhist era of "Waisak 2570 BE").</summary>
    internal static readonly HashSet<string> Allowed = new(StringComparer.OrdinalIgnoreCase)
    {
        "bpmn", "io", "hangfire", "feel", "dmn", "pppk", "sk", "nik", "ni", "kukar", "wita", "email", "xml", "csv", "pdf", "excel", "html",
        "json", "iso", "utc", "cron", "liquid", "bkpsdm", "kutai", "kartanegara", "status", "info", "id", "ok", "spmt", "tms", "ms",
        "no", "plt", "plh", "pool", "be",
    };

    /// <summary>Whole phrases that stay in English: the bpmn.io watermark, which its licence asks to keep.</summary>
    private static readonly string[] AllowedPhrases = ["Powered by bpmn.io"];

    private const string Unit = "WK-BKPSDM";

    private async Task SeedAsync()
    {
        using var api = host.Client();
        async Task Csv(string kind, params string[] lines)
        {
            using var content = new StringContent(string.Join("\n", lines) + "\n", Encoding.UTF8);
            content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            var response = await api.PostAsync($"/api/imports/{kind}", content);
            Assert.True(response.IsSuccessStatusCode, $"{kind}: {await response.Content.ReadAsStringAsync()}");
        }
        await Csv("formations", "kode_formasi,jabatan,kode_unit,nama_unit,jenis,kuota,tahun,tahap",
            $"WK-TEK-01,Pranata Komputer Ahli Pertama,{Unit},Badan Kepegawaian dan Pengembangan SDM Kukar,teknis,2,2026,1");
        await Csv("employees", "ni_pppk,nik,nama,email,kode_unit,jabatan,golongan,masa_kerja,penilai,tmt,akhir_kontrak,nomor_sk,tanggal_sk,tanggal_spmt",
            $"199401012024211003,6402014101940004,Rina Anggraini,,{Unit},Pranata Komputer Ahli Pertama,IX,2,,2025-03-01,2027-02-28,WK/SK/1,2025-02-20,2025-03-03");
    }

    [Fact]
    public async Task Every_screen_of_the_menu_and_its_detail_pages_shows_no_English()
    {
        await SeedAsync();
        var instance = await host.StartInstanceAsync("uji-verifikasi", "WK-2026-0001");
        var instanceId = (string)instance["id"]!;
        var taskId = (string)(await host.GetAsync($"/api/tasks?instanceId={instanceId}"))["items"]![0]!["id"]!;

        var page = await host.SignedInPageAsync(path: "/dasbor");
        var found = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var links = await page.EvalOnSelectorAllAsync<string[]>("[data-testid=menu] a[href]",
            "links => [...new Set(links.filter(a => !a.target && a.getAttribute('href').startsWith('/')).map(a => a.getAttribute('href')))]");
        Assert.NotEmpty(links);

        foreach (var link in links)
        {
            await OpenAsync(page, link);
            await CollectAsync(page, link, found, Slug(link));
        }

        await OpenAsync(page, $"/tugas/{taskId}");
        await CollectAsync(page, "/tugas/{id}", found, "task");
        await OpenAsync(page, $"/instans/{instanceId}");
        await CollectAsync(page, "/instans/{id}", found, "instance-viewer");

        await WalkDesignerAsync(page, found);
        await host.CloseAsync(page);

        var report = string.Join("\n", found.Where(f => f.Value.Count > 0).Select(f => $"{f.Key}: {string.Join(" | ", f.Value)}"));
        Assert.True(report.Length == 0, $"English text on the screens (word «in context»):\n{report}");
    }

    private async Task WalkDesignerAsync(IPage page, SortedDictionary<string, SortedSet<string>> found)
    {
        await OpenAsync(page, "/desainer/uji-verifikasi");
        var canvas = page.GetByTestId("canvas");
        await canvas.Locator(".djs-element[data-element-id='Periksa_berkas']").WaitForAsync();
        await CollectAsync(page, "/desainer/{key}", found, "designer");

        // Elements of several kinds selected in turn, each with every properties group open.
        foreach (var id in new[] { "Periksa_berkas", "Flow_ya", "Lengkap", "Mulai", "uji-verifikasi" })
        {
            await page.EvaluateAsync("id => { const m = window.pppkDesigner.modeler; m.get('selection').select(m.get('elementRegistry').get(id)); }", id);
            await OpenAllGroupsAsync(page, "[data-testid=properties-panel]");
            await CollectAsync(page, $"/desainer (elemen {id})", found, $"designer-{Slug(id)}");
        }

        // The template chooser of a task.
        await page.EvaluateAsync("() => { const m = window.pppkDesigner.modeler; m.get('selection').select(m.get('elementRegistry').get('Periksa_berkas')); }");
        await page.GetByTestId("apply-template").ClickAsync();
        await page.GetByTestId("template-chooser").WaitForAsync();
        await CollectAsync(page, "/desainer (templat)", found, "designer-template-chooser");
        await page.GetByTestId("template-chooser").GetByRole(AriaRole.Button, new() { Name = "Tutup", Exact = true }).ClickAsync();

        // The form editor with one new field of each palette type (Enter on a palette entry adds it at the end).
        await page.GetByTestId("edit-form").ClickAsync();
        var editor = page.GetByTestId("form-editor");
        await editor.Locator(".fjs-palette-field").First.WaitForAsync();
        var types = await editor.Locator(".fjs-palette-field").EvaluateAllAsync<string[]>("fields => fields.map(f => f.dataset.fieldType)");
        Assert.True(types.Length >= 10, $"palette: {string.Join(", ", types)}");
        foreach (var type in types)
        {
            await editor.Locator($".fjs-palette-field[data-field-type='{type}']").FocusAsync();
            await page.Keyboard.PressAsync("Enter");
        }
        await Assertions.Expect(editor.Locator(".fjs-editor-container .fjs-form-field")).Not.ToHaveCountAsync(0);
        await CollectAsync(page, "/desainer (formulir)", found, "designer-form-editor");
        // Each new field selected: its properties panel, groups open.
        var fields = editor.Locator(".fjs-children .fjs-element[data-id]");
        var fieldCount = await fields.CountAsync();
        for (var i = 0; i < fieldCount; i++)
        {
            await fields.Nth(i).ClickAsync(new() { Position = new() { X = 5, Y = 5 }, Force = true });
            await OpenAllGroupsAsync(page, "[data-testid=form-editor] .fjs-properties-container");
            await CollectAsync(page, $"/desainer (formulir, isian {i + 1})", found, i == 0 ? "designer-form-field" : null);
        }
    }

    /// <summary>Opens every closed group and list entry that shows, a few rounds (an opened group can show entries of its own).</summary>
    private static async Task OpenAllGroupsAsync(IPage page, string container)
    {
        for (var round = 0; round < 4; round++)
        {
            var opened = await page.EvaluateAsync<int>("""
                (container) => {
                  const headers = [...document.querySelectorAll(`${container} .bio-properties-panel-group-header:not(.open), ${container} .bio-properties-panel-collapsible-entry-header:not(.open)`)]
                    .filter((h) => h.getClientRects().length > 0);
                  headers.forEach((h) => h.click());
                  return headers.length;
                }
                """, container);
            if (opened == 0) return;
            await page.WaitForTimeoutAsync(100); // the panel re-renders the opened groups
        }
    }

    private static async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.Locator("[data-testid=user-name]").WaitForAsync();
        await Assertions.Expect(page.Locator("p.loading")).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        try { await page.WaitForLoadStateAsync(LoadState.NetworkIdle, new() { Timeout = 5_000 }); }
        catch (TimeoutException) { /* a page that polls: what is shown is what is checked */ }
    }

    private static async Task CollectAsync(IPage page, string screen, SortedDictionary<string, SortedSet<string>> found, string? screenshot)
    {
        var texts = await page.EvaluateAsync<string[]>("""
            () => {
              const visible = (e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
              const out = [document.body.innerText];
              for (const dialog of document.querySelectorAll('dialog[open]')) out.push(dialog.innerText);
              for (const e of document.querySelectorAll('[title], [placeholder], [aria-label]')) {
                if (!visible(e)) continue;
                for (const name of ['title', 'placeholder', 'aria-label']) if (e.getAttribute(name)) out.push(`${name}= ${e.getAttribute(name)}`);
              }
              return out;
            }
            """);
        if (!found.TryGetValue(screen, out var words)) found[screen] = words = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var text in texts)
            foreach (var line in text.Split('\n'))
                foreach (var word in EnglishIn(line))
                    words.Add($"{word} «{Shorten(line.Trim())}»");
        if (screenshot is not null) await BrowserHost.ScreenshotAsync(page, $"walk-{screenshot}");
    }

    /// <summary>The English words of one line; identifiers (ids, keys, paths, expressions) and numbers are not words.</summary>
    internal static IEnumerable<string> EnglishIn(string line)
    {
        foreach (var phrase in AllowedPhrases) line = line.Replace(phrase, "", StringComparison.Ordinal);
        foreach (var raw in line.Split((char[])[' ', '\t', '\u00a0'], StringSplitOptions.RemoveEmptyEntries))
        {
            var chunk = raw.Trim('(', ')', '[', ']', ',', ';', ':', '.', '!', '?', '"', '\'', '«', '»', '“', '”', '…', '·', '—', '–', '*', '+');
            if (chunk.Length < 2 || IdentifierLike().IsMatch(chunk) || raw.Contains("()", StringComparison.Ordinal)) continue;
            if (EnglishWords.Words.Contains(chunk) && !Allowed.Contains(chunk)) yield return chunk.ToLowerInvariant();
        }
    }

    [GeneratedRegex(@"[_\-./:=@{}<>#$%&|\\0-9]|^[a-z]+[A-Z]|[a-z][A-Z]")]
    private static partial Regex IdentifierLike();

    private static string Shorten(string line) => line.Length <= 80 ? line : line[..77] + "…";

    private static string Slug(string path) => Regex.Replace(path.Trim('/'), "[^A-Za-z0-9]+", "-") is { Length: > 0 } s ? s : "home";
}
