using System.Text.Json;
using Microsoft.Playwright;

namespace Pppk.Workflow.Web.Tests;

/// <summary>
/// Issue 8's "as a new user would" check, end to end in the browser as the seeded admin: sign in, create a new
/// workflow in the designer, draw start → "Periksa berkas" (with a daily reminder timer) → "Setujui" → end,
/// deploy it, start an instance from the instances page, complete both tasks from the inbox, see it completed.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class NewUserWalkthroughTests(BrowserHost host)
{
    private const string Key = "alur-walkthrough";
    private const string BusinessKey = "REG-WALK-001";

    private static ILocator Shape(IPage page, string id) => page.Locator($"[data-testid=canvas] .djs-element[data-element-id=\"{id}\"]");

    [Fact]
    public async Task NewUser_designs_deploys_starts_and_completes_a_three_step_workflow_in_the_browser()
    {
        // 1. Sign in on the sign-in page (the fixture's helper fills "Nama pengguna" / "Kata sandi" and presses "Masuk").
        var page = await host.SignedInPageAsync();
        await page.GetByTestId("menu").GetByRole(AriaRole.Link, new() { Name = "Desainer alur kerja" }).ClickAsync();
        await page.GetByTestId("new-workflow").WaitForAsync();

        // 2. A new workflow: the designer asks for a name and a process key.
        var answers = new Queue<string>(["Uji alur pengguna baru", Key, BusinessKey]);
        page.Dialog += async (_, dialog) =>
        {
            if (dialog.Type == "prompt") await dialog.AcceptAsync(answers.Dequeue());
            else await dialog.AcceptAsync();
        };
        await page.GetByTestId("new-workflow").ClickAsync();
        await Assertions.Expect(page.GetByTestId("designer-title")).ToContainTextAsync($"{Key} — belum diterapkan");
        await Shape(page, "Mulai").WaitForAsync();

        // Start → task "Periksa berkas" → task "Setujui" → end, appended from the context pad and named by direct editing.
        var periksa = await AppendTaskAsync(page, "Mulai", "Periksa berkas");
        await ApplyUserTaskTemplateAsync(page, group: "verifier");
        var setujui = await AppendTaskAsync(page, periksa, "Setujui");
        await ApplyUserTaskTemplateAsync(page, group: "hr-admin");
        await SelectAsync(page, setujui);
        await page.Locator(".djs-context-pad .entry[data-action='append.end-event']").ClickAsync();

        // The reminder: a non-interrupting boundary timer (R/P1D) on "Periksa berkas". Dragging a boundary event onto a
        // task's border is impractical to drive reliably with the mouse, so this uses bpmn-js's own modeling API on the
        // designer's modeler instance (what the drag ends up calling); the timer then leads to its own end event.
        var timerId = await page.EvaluateAsync<string>("""
            (taskId) => {
              const m = window.pppkDesigner.modeler;
              const registry = m.get('elementRegistry'), modeling = m.get('modeling');
              const bpmnFactory = m.get('bpmnFactory'), elementFactory = m.get('elementFactory');
              const task = registry.get(taskId);
              const timerDef = bpmnFactory.create('bpmn:TimerEventDefinition', {
                timeCycle: bpmnFactory.create('bpmn:FormalExpression', { body: 'R/P1D' }) });
              const bo = bpmnFactory.create('bpmn:BoundaryEvent', { name: 'Pengingat harian', cancelActivity: false, eventDefinitions: [timerDef] });
              timerDef.$parent = bo;
              const shape = elementFactory.createShape({ type: 'bpmn:BoundaryEvent', businessObject: bo });
              const boundary = modeling.createShape(shape, { x: task.x + task.width / 2, y: task.y + task.height }, task, { attach: true });
              modeling.appendShape(boundary, { type: 'bpmn:EndEvent' }, { x: boundary.x + 18, y: boundary.y + 120 });
              return boundary.id;
            }
            """, periksa);
        await Shape(page, timerId).ClickAsync(new() { Force = true });
        await Assertions.Expect(page.GetByTestId("properties-panel")).ToContainTextAsync("Pengingat harian");
        await Shape(page, periksa).ClickAsync();
        await page.EvaluateAsync("() => window.pppkDesigner.modeler.get('canvas').zoom('fit-viewport', 'auto')");
        await BrowserHost.ScreenshotAsync(page, "40-walkthrough-designer");

        // 3. Deploy; version 1 is listed.
        await page.GetByTestId("deploy").ClickAsync();
        await Assertions.Expect(page.GetByTestId("status")).ToContainTextAsync($"{Key} versi 1");
        await Assertions.Expect(page.GetByTestId("workflow-list")).ToContainTextAsync("Uji alur pengguna baru");
        await Assertions.Expect(page.GetByTestId("version-list")).ToContainTextAsync("Versi 1");
        await BrowserHost.ScreenshotAsync(page, "41-walkthrough-deployed");

        var deployed = await host.GetAsync($"/api/definitions/{Key}");
        var xml = deployed["xml"]!.ToString();
        Assert.Contains("name=\"Periksa berkas\"", xml);
        Assert.Contains("name=\"Setujui\"", xml);
        Assert.Contains("cancelActivity=\"false\"", xml);
        Assert.Contains("R/P1D", xml);
        Assert.Contains("candidateGroups=\"verifier\"", xml);
        Assert.Contains("assignee=\"admin\"", xml);

        // 4. Start an instance from the instances page ("Mulai kasus…": the start dialog, with the business key typed).
        await page.GetByTestId("menu").GetByRole(AriaRole.Link, new() { Name = "Kasus" }).ClickAsync();
        await page.GetByTestId("instances").Locator("select[name=definitionKey]").SelectOptionAsync(Key);
        await page.GetByTestId("start-instance").ClickAsync();
        await page.GetByTestId("start-business-key-input").FillAsync(BusinessKey);
        await page.GetByTestId("start-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("instance-status")).ToContainTextAsync("Aktif");
        var instanceId = page.Url.TrimEnd('/').Split('/')[^1];

        // 5. The inbox: open "Periksa berkas", fill its form, complete; then "Setujui".
        await CompleteFromInboxAsync(page, "Periksa berkas", "Berkas lengkap, lanjut persetujuan.", "42-walkthrough-inbox");
        await CompleteFromInboxAsync(page, "Setujui", "Disetujui.", null);

        await page.GetByTestId("open-instance").ClickAsync();
        await Assertions.Expect(page.GetByTestId("instance-status")).ToContainTextAsync("Selesai");
        await Assertions.Expect(page.GetByTestId("timeline")).ToContainTextAsync("Setujui");
        // The task page's "back to the list" after completing must not take the user away from the instance they opened.
        await page.WaitForTimeoutAsync(1000);
        Assert.Contains($"/instans/{instanceId}", page.Url);
        await Assertions.Expect(page.GetByTestId("instance-status")).ToContainTextAsync("Selesai");
        await BrowserHost.ScreenshotAsync(page, "43-walkthrough-completed");

        var after = await host.GetAsync($"/api/instances/{instanceId}");
        Assert.Equal("completed", after["status"]!.ToString());
        Assert.Equal(BusinessKey, after["businessKey"]!.ToString());
        await host.CloseAsync(page);
    }

    /// <summary>
    /// Clicks the shape like a user; if the context pad did not open (focus still in the properties panel),
    /// opens it for that element through the modeler (the same thing the click does).
    /// </summary>
    private static async Task SelectAsync(IPage page, string id)
    {
        await Shape(page, id).ClickAsync();
        try
        {
            await page.Locator(".djs-context-pad .entry[data-action='append.end-event']").WaitForAsync(new() { Timeout = 3000 });
        }
        catch (TimeoutException)
        {
            await page.EvaluateAsync(
                "(id) => { const m = window.pppkDesigner.modeler; const el = m.get('elementRegistry').get(id); m.get('selection').select(el); m.get('contextPad').open(el, true); }",
                id);
        }
    }

    /// <summary>Appends a task after <paramref name="fromId"/> from its context pad and names it by typing.</summary>
    private static async Task<string> AppendTaskAsync(IPage page, string fromId, string name)
    {
        await SelectAsync(page, fromId);
        await page.Locator(".djs-context-pad .entry[data-action='append.append-task']").ClickAsync();
        await page.Keyboard.TypeAsync(name);
        await page.Keyboard.PressAsync("Enter");
        var id = await page.EvaluateAsync<string>("() => window.pppkDesigner.modeler.get('selection').get()[0].id");
        await Assertions.Expect(Shape(page, id)).ToContainTextAsync(name);
        return id;
    }

    /// <summary>The PPPK user-task template on the selected task, then its fields in the properties panel.</summary>
    private static async Task ApplyUserTaskTemplateAsync(IPage page, string group)
    {
        await page.GetByTestId("apply-template").ClickAsync();
        await page.GetByTestId("template-chooser").GetByRole(AriaRole.Button, new() { Name = "Tugas pengguna PPPK" }).ClickAsync();
        var panel = page.GetByTestId("properties-panel");
        await Assertions.Expect(panel).ToContainTextAsync("Tugas pengguna PPPK");
        await BrowserHost.OpenGroupAsync(panel, "Penugasan");
        await panel.GetByLabel("Grup kandidat (peran)").SelectOptionAsync(group);
        await panel.GetByLabel("Penerima tugas").FillAsync("admin");
        await BrowserHost.OpenGroupAsync(panel, "Formulir");
        await panel.GetByLabel("Formulir", new() { Exact = true }).SelectOptionAsync("periksa-berkas");
    }

    private async Task CompleteFromInboxAsync(IPage page, string taskName, string note, string? screenshot)
    {
        await page.GetByTestId("menu").GetByRole(AriaRole.Link, new() { Name = "Kotak tugas" }).ClickAsync();
        var row = page.GetByTestId("task-row").Filter(new() { HasText = BusinessKey }).Filter(new() { HasText = taskName });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        if (screenshot is not null) await BrowserHost.ScreenshotAsync(page, screenshot);
        await row.GetByRole(AriaRole.Link, new() { Name = "Buka" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("business-key")).ToHaveTextAsync(BusinessKey);
        if (await page.GetByTestId("claim").CountAsync() > 0) await page.GetByTestId("claim").ClickAsync();
        await page.GetByLabel("Berkas lengkap").CheckAsync();
        await page.GetByLabel("Catatan verifikator").FillAsync(note);
        await page.GetByTestId("complete").ClickAsync();
        await Assertions.Expect(page.GetByTestId("task-status")).ToContainTextAsync("Tugas selesai");
        _ = host;
    }
}
