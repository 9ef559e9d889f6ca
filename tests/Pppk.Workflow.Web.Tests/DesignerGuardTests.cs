using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Playwright;

namespace Pppk.Workflow.Web.Tests;

/// <summary>
/// Issue 19, designer: "Terapkan" with nothing changed adds no version; an edit is not lost by a menu link, history
/// back or a reload without being asked; no question once nothing is unsaved; new form fields get Indonesian labels.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DesignerGuardTests(BrowserHost host)
{
    private const string Key = "uji-penjaga";

    /// <summary>A handwritten file (not bpmn-js's serialization), as the workflows folder deploys them.</summary>
    private async Task DeployAsync()
    {
        var xml = (await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "uji-terlambat.bpmn"))).Replace("uji-terlambat", Key, StringComparison.Ordinal);
        using var api = host.Client();
        using var content = new StringContent(xml);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
        content.Headers.Add("X-File-Name", $"{Key}.bpmn");
        var response = await api.PostAsync("/api/definitions", content);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<int> VersionAsync() => (int)(await host.GetAsync($"/api/definitions/{Key}"))["version"]!;

    [Fact]
    public async Task Terapkan_without_changes_adds_no_version_and_an_unsaved_edit_is_asked_about_before_it_is_lost()
    {
        await DeployAsync();
        var before = await VersionAsync();
        var page = await host.SignedInPageAsync(path: $"/desainer/{Key}");
        await page.Locator("[data-testid=canvas] .djs-element[data-element-id='Jawab_sanggah']").WaitForAsync();

        // Nothing changed: the server compares what the diagram says, not bpmn-js's bytes.
        await page.GetByTestId("deploy").ClickAsync();
        await Assertions.Expect(page.GetByTestId("status")).ToContainTextAsync("Tidak ada perubahan");
        Assert.Equal(before, await VersionAsync());

        // Nothing unsaved: a menu link leaves without a question.
        var menu = page.GetByTestId("menu");
        await menu.Locator("a[href='/tugas']").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/tugas$"));
        Assert.Equal(0, await page.GetByTestId("leave-dialog").CountAsync());

        // An edit: the menu link asks; staying keeps the page and the edit.
        await page.GoBackAsync();
        await page.Locator("[data-testid=canvas] .djs-element[data-element-id='Jawab_sanggah']").WaitForAsync();
        await page.EvaluateAsync("() => { const m = window.pppkDesigner.modeler; m.get('modeling').updateLabel(m.get('elementRegistry').get('Jawab_sanggah'), 'Jawab sanggah peserta'); }");
        await menu.Locator("a[href='/tugas']").ClickAsync();
        var dialog = page.GetByTestId("leave-dialog");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await Assertions.Expect(dialog).ToContainTextAsync("Tinggalkan tanpa menerapkan?");
        await BrowserHost.ScreenshotAsync(page, "40-designer-unsaved-guard");
        await dialog.GetByTestId("leave-stay").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/desainer/{Key}$"));
        Assert.True(await page.EvaluateAsync<bool>("() => window.pppkDesigner.unsaved"));

        // Moving through the history asks too (forward to the inbox visited before); staying puts the address back.
        await page.EvaluateAsync("() => history.forward()");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await dialog.GetByTestId("leave-stay").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/desainer/{Key}$"));
        await Assertions.Expect(page.GetByTestId("designer-title")).ToBeVisibleAsync();

        // A reload asks with the browser's own dialog (beforeunload), which is dismissed: the page stays.
        var asked = new TaskCompletionSource<string>();
        void OnDialog(object? sender, IDialog d)
        {
            asked.TrySetResult(d.Type);
            _ = d.DismissAsync();
        }
        page.Dialog += OnDialog;
        await page.Locator("[data-testid=canvas]").ClickAsync(new() { Position = new() { X = 20, Y = 20 } }); // a user gesture, as browsers require
        _ = page.ReloadAsync(new() { Timeout = 3_000 }).ContinueWith(_ => { });
        Assert.Equal("beforeunload", await asked.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        page.Dialog -= OnDialog;
        Assert.True(await page.EvaluateAsync<bool>("() => window.pppkDesigner.unsaved"));

        // Deployed: nothing is unsaved, a menu link leaves at once.
        await page.GetByTestId("deploy").ClickAsync();
        await Assertions.Expect(page.GetByTestId("status")).ToContainTextAsync($"{Key} versi {before + 1}");
        await menu.Locator("a[href='/tugas']").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/tugas$"));
        Assert.Equal(0, await page.GetByTestId("leave-dialog").CountAsync());

        // Leaving with the choice to discard: the edit is gone, the deployed version stays.
        await page.GoBackAsync();
        await page.Locator("[data-testid=canvas] .djs-element[data-element-id='Jawab_sanggah']").WaitForAsync();
        await page.EvaluateAsync("() => { const m = window.pppkDesigner.modeler; m.get('modeling').updateLabel(m.get('elementRegistry').get('Jawab_sanggah'), 'Tidak jadi'); }");
        await menu.Locator("a[href='/tugas']").ClickAsync();
        await dialog.GetByTestId("leave-discard").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/tugas$"));
        Assert.Equal(before + 1, await VersionAsync());
        await host.CloseAsync(page);
    }

    [Fact]
    public async Task New_form_fields_get_Indonesian_default_labels_and_closing_an_edited_form_asks_first()
    {
        await DeployAsync();
        var page = await host.SignedInPageAsync(path: $"/desainer/{Key}");
        await page.Locator("[data-testid=canvas] .djs-element[data-element-id='Jawab_sanggah']").WaitForAsync();
        await page.EvaluateAsync("() => { const m = window.pppkDesigner.modeler; m.get('selection').select(m.get('elementRegistry').get('Jawab_sanggah')); }");
        await page.GetByTestId("edit-form").ClickAsync();
        var editor = page.GetByTestId("form-editor");
        foreach (var type in new[] { "textfield", "radio", "text" })
        {
            await editor.Locator($".fjs-palette-field[data-field-type='{type}']").FocusAsync();
            await page.Keyboard.PressAsync("Enter");
        }
        var canvas = editor.Locator(".fjs-editor-container");
        await Assertions.Expect(canvas).ToContainTextAsync("Kolom teks");
        await Assertions.Expect(canvas).ToContainTextAsync("Grup pilihan tunggal");
        await Assertions.Expect(canvas).ToContainTextAsync("Nilai");
        await Assertions.Expect(canvas).ToContainTextAsync("Teks");
        await Assertions.Expect(canvas).Not.ToContainTextAsync("Text field");
        await Assertions.Expect(canvas).Not.ToContainTextAsync("Radio group");
        await BrowserHost.ScreenshotAsync(page, "41-form-editor-indonesian-defaults");

        // What would be saved says it too: the defaults are in the schema, not only on the screen.
        await editor.GetByRole(AriaRole.Button, new() { Name = "Tutup", Exact = true }).ClickAsync();
        var dialog = page.GetByTestId("leave-dialog");
        await Assertions.Expect(dialog).ToContainTextAsync("formulir");
        await dialog.GetByTestId("leave-stay").ClickAsync();
        await editor.GetByTestId("form-deploy").ClickAsync();
        await Assertions.Expect(page.GetByTestId("status")).ToContainTextAsync("diterapkan dan ditautkan");
        var form = await host.GetAsync("/api/forms/form-Jawab_sanggah");
        var schema = form["schema"]!.ToJsonString();
        Assert.Contains("\"Kolom teks\"", schema);
        Assert.Contains("\"Grup pilihan tunggal\"", schema);
        Assert.Contains("\"label\":\"Nilai\"", schema);
        Assert.Contains("# Teks", schema);
        Assert.DoesNotContain("Text field", schema);
        await host.CloseAsync(page);
    }

    [Theory]
    [InlineData(1366, 768)]
    [InlineData(1920, 1080)]
    public async Task The_servers_problems_dock_under_the_canvas_in_plain_Indonesian_with_the_technical_detail_one_click_away(int width, int height)
    {
        await DeployAsync();
        var page = await host.SignedInPageAsync(path: $"/desainer/{Key}");
        await page.SetViewportSizeAsync(width, height);
        await page.Locator("[data-testid=canvas] .djs-element[data-element-id='Jawab_sanggah']").WaitForAsync();
        // A service task with no automatic step chosen, left unconnected.
        await page.EvaluateAsync("""
            () => {
              const m = window.pppkDesigner.modeler;
              const root = m.get('canvas').getRootElement();
              const shape = m.get('elementFactory').createShape({ type: 'bpmn:ServiceTask' });
              m.get('modeling').createShape(shape, { x: 420, y: 360 }, root);
              m.get('modeling').updateProperties(shape, { id: 'Langkah_baru', name: 'Langkah baru' });
            }
            """);
        await page.GetByTestId("validate").ClickAsync();
        var list = page.GetByTestId("problem-list");
        await Assertions.Expect(list).ToBeVisibleAsync();
        await Assertions.Expect(list).ToContainTextAsync("Langkah baru"); // the element's name, not its id
        await Assertions.Expect(list).ToContainTextAsync("belum menyebut langkah otomatis");
        Assert.DoesNotContain("zeebe:", await list.EvaluateAsync<string>("e => e.innerText")); // the technical words wait behind "Rincian teknis"
        var problem = list.Locator("li", new() { HasText = "belum menyebut langkah otomatis" });
        await Assertions.Expect(problem.Locator("dd[lang=en]")).ToBeHiddenAsync();
        await problem.GetByText("Rincian teknis").ClickAsync();
        await Assertions.Expect(problem.Locator("details[open]")).ToContainTextAsync("job-type-missing");
        await Assertions.Expect(problem.Locator("details[open] dd[lang=en]")).ToContainTextAsync("zeebe:taskDefinition");

        // Nothing covers anything: the problem list, the lint badge, the canvas and the properties panel side by side.
        var boxes = await page.EvaluateAsync<JsonElement>("""
            () => Object.fromEntries([['list', '[data-testid=problem-list]'], ['lint', '.bjsl-button'], ['panel', '.designer-side'], ['palette', '.djs-palette']]
              .map(([k, sel]) => { const r = document.querySelector(sel).getBoundingClientRect(); return [k, { x: r.x, y: r.y, w: r.width, h: r.height }]; }))
            """);
        static bool Overlap(JsonElement a, JsonElement b) =>
            a.GetProperty("x").GetDouble() < b.GetProperty("x").GetDouble() + b.GetProperty("w").GetDouble()
            && b.GetProperty("x").GetDouble() < a.GetProperty("x").GetDouble() + a.GetProperty("w").GetDouble()
            && a.GetProperty("y").GetDouble() < b.GetProperty("y").GetDouble() + b.GetProperty("h").GetDouble()
            && b.GetProperty("y").GetDouble() < a.GetProperty("y").GetDouble() + a.GetProperty("h").GetDouble();
        foreach (var (a, b) in new[] { ("list", "lint"), ("list", "panel"), ("lint", "panel"), ("list", "palette"), ("lint", "palette") })
            Assert.False(Overlap(boxes.GetProperty(a), boxes.GetProperty(b)), $"{a} overlaps {b} at {width}x{height}: {boxes}");
        await BrowserHost.ScreenshotAsync(page, $"42-designer-problems-{width}x{height}");
        await host.CloseAsync(page);
    }
}
