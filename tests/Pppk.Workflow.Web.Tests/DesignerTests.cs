using System.Text.Json;
using Microsoft.Playwright;

namespace Pppk.Workflow.Web.Tests;

[Collection(BrowserCollection.Name)]
public sealed class DesignerTests(BrowserHost host)
{
    private static ILocator Shape(IPage page, string id) => page.Locator($"[data-testid=canvas] .djs-element[data-element-id=\"{id}\"]");

    private static async Task<(float X, float Y)> CentreAsync(IPage page, string id)
    {
        var box = await page.EvaluateAsync<JsonElement>(
            "id => { const r = document.querySelector(`[data-testid=canvas] .djs-element[data-element-id=\"${id}\"]`).getBoundingClientRect(); return { x: r.x + r.width / 2, y: r.y + r.height / 2 }; }", id);
        return (box.GetProperty("x").GetSingle(), box.GetProperty("y").GetSingle());
    }

    [Fact]
    public async Task Hr_admin_adds_a_user_task_from_the_palette_applies_the_template_sets_its_fields_deploys_and_sees_the_new_version()
    {
        var page = await host.SignedInPageAsync(path: "/desainer/uji-desain");
        await Shape(page, "Periksa_berkas").WaitForAsync();
        await Assertions.Expect(page.GetByTestId("designer-title")).ToContainTextAsync("versi 1");

        // Palette "Buat tugas", dropped onto the flow into the end event: bpmn-js splices it into the flow.
        await page.Locator(".djs-palette .entry[data-action='create.task']").ClickAsync();
        var (x, y) = await CentreAsync(page, "Flow_3");
        await page.Mouse.MoveAsync(x - 20, y, new() { Steps = 5 });
        await page.Mouse.MoveAsync(x, y, new() { Steps = 5 });
        await page.Mouse.ClickAsync(x, y);
        await page.Keyboard.TypeAsync("Tinjau PPK");
        await page.Keyboard.PressAsync("Enter");

        var taskId = await page.EvaluateAsync<string>("() => window.pppkDesigner.modeler.get('selection').get()[0].id");
        await page.GetByTestId("apply-template").ClickAsync();
        await page.GetByTestId("template-chooser").GetByRole(AriaRole.Button, new() { Name = "Tugas pengguna PPPK" }).ClickAsync();

        var panel = page.GetByTestId("properties-panel");
        await Assertions.Expect(panel).ToContainTextAsync("Tugas pengguna PPPK");
        await BrowserHost.OpenGroupAsync(panel, "Formulir");
        // The template offers the deployed forms only (no free text that could name a missing form).
        await panel.GetByLabel("Formulir", new() { Exact = true }).SelectOptionAsync("periksa-berkas");
        await BrowserHost.OpenGroupAsync(panel, "Penugasan");
        await panel.GetByLabel("Grup kandidat (peran)").SelectOptionAsync("ppk");
        await BrowserHost.OpenGroupAsync(panel, "Jadwal");
        await panel.GetByLabel("Prioritas").FillAsync("80");
        await BrowserHost.ScreenshotAsync(page, "04-designer-user-task-from-template");

        await page.GetByTestId("deploy").ClickAsync();
        await Assertions.Expect(page.GetByTestId("status")).ToContainTextAsync("uji-desain versi 2");
        var versions = page.GetByTestId("version-list");
        await Assertions.Expect(versions).ToContainTextAsync("Versi 2");
        await Assertions.Expect(versions).ToContainTextAsync("Versi 1");
        await BrowserHost.ScreenshotAsync(page, "05-designer-deployed-version-2");

        var deployed = await host.GetAsync("/api/definitions/uji-desain");
        Assert.Equal(2, (int)deployed["version"]!);
        var xml = deployed["xml"]!.ToString();
        Assert.Contains("Tinjau PPK", xml);
        Assert.Contains($"<bpmn:userTask id=\"{taskId}\"", xml);
        Assert.Contains("formId=\"periksa-berkas\"", xml);
        Assert.Contains("candidateGroups=\"ppk\"", xml);
        Assert.Contains("<zeebe:priorityDefinition priority=\"80\"", xml);

        // An older version opens read-only.
        await versions.GetByRole(AriaRole.Link, new() { Name = "Versi 1" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("readonly-banner")).ToContainTextAsync("Hanya baca: versi 1");
        await Assertions.Expect(page.Locator(".viewer-canvas .djs-element[data-element-id='Periksa_berkas']")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("deploy")).ToBeDisabledAsync();
        await BrowserHost.ScreenshotAsync(page, "06-designer-version-1-read-only");
        await host.CloseAsync(page);
    }

    [Fact]
    public async Task An_invalid_FEEL_condition_is_marked_on_its_flow_after_validate_and_the_FEEL_box_evaluates_on_the_server()
    {
        var page = await host.SignedInPageAsync(path: "/desainer/uji-verifikasi");
        await Shape(page, "Flow_ya").WaitForAsync(new() { State = WaitForSelectorState.Attached });

        // Break the condition of the "ya" flow in the properties panel: select the flow, open "Kondisi", type.
        var (fx, fy) = await CentreAsync(page, "Flow_ya");
        await page.Mouse.ClickAsync(fx + 40, fy);
        await Assertions.Expect(page.GetByTestId("properties-panel")).ToContainTextAsync("Alur urutan");
        await BrowserHost.OpenGroupAsync(page.GetByTestId("properties-panel"), "Kondisi");
        var condition = page.GetByTestId("properties-panel").Locator(".bio-properties-panel-feel-editor-container [contenteditable=true]").First;
        await condition.ClickAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("lengkap = = true");
        await page.Mouse.ClickAsync(5, 500); // leave the editor so the value is committed
        var body = "";
        for (var i = 0; i < 50 && body != "=lengkap = = true"; i++, await Task.Delay(100))
            body = await page.EvaluateAsync<string>(
                "() => window.pppkDesigner.modeler.get('elementRegistry').get('Flow_ya').businessObject.conditionExpression?.body ?? ''");
        Assert.Equal("=lengkap = = true", body);
        await page.GetByTestId("validate").ClickAsync();
        await Assertions.Expect(page.GetByTestId("status")).ToContainTextAsync("Tidak valid");
        var overlay = page.Locator("[data-testid=problem-overlay][data-element-id='Flow_ya']");
        await Assertions.Expect(overlay).ToBeVisibleAsync();
        await Assertions.Expect(Shape(page, "Flow_ya")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("pppk-problem"));
        await Assertions.Expect(page.GetByTestId("problem-list")).ToContainTextAsync("Flow_ya");
        // The server's message, in Indonesian: the frame translated, the expression and the position verbatim.
        await Assertions.Expect(overlay).ToContainTextAsync("Nilai kondisi pada 'Flow_ya': Galat sintaks FEEL pada 'lengkap = = true'");
        await Assertions.Expect(overlay).ToContainTextAsync("pada baris 1, kolom");
        await Assertions.Expect(page.GetByTestId("problem-list")).ToContainTextAsync("tidak terduga: diharapkan sebuah operan");

        // The try-out box: the selected flow's expression, then a valid one.
        await page.GetByRole(AriaRole.Button, new() { Name = "Ambil dari elemen terpilih" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("feel-expression")).ToHaveValueAsync("=lengkap = = true");
        await page.GetByTestId("feel-evaluate").ClickAsync();
        await Assertions.Expect(page.GetByTestId("feel-result")).ToContainTextAsync("Galat sintaks pada baris 1");
        await Assertions.Expect(page.GetByTestId("feel-result")).ToContainTextAsync("Ekspresi bukan FEEL yang sah");
        await page.GetByTestId("feel-expression").FillAsync("= nilai >= 400 and lengkap");
        await page.GetByTestId("feel-context").FillAsync("{\"nilai\": 412, \"lengkap\": true}");
        await page.GetByTestId("feel-evaluate").ClickAsync();
        await Assertions.Expect(page.GetByTestId("feel-result")).ToContainTextAsync("true");
        await BrowserHost.ScreenshotAsync(page, "07-designer-invalid-feel-marked-on-flow");

        // Nothing was deployed by validating.
        Assert.Equal(1, (int)(await host.GetAsync("/api/definitions/uji-verifikasi"))["version"]!);
        await host.CloseAsync(page);
    }

    [Fact]
    public async Task The_lint_flags_a_complex_gateway_as_unsupported()
    {
        var page = await host.SignedInPageAsync(path: "/desainer/uji-verifikasi");
        await Shape(page, "Lengkap").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.EvaluateAsync("""
            () => {
              const m = window.pppkDesigner.modeler;
              const gateway = m.get('elementRegistry').get('Lengkap');
              m.get('bpmnReplace').replaceElement(gateway, { type: 'bpmn:ComplexGateway' });
            }
            """);
        var lint = page.Locator(".bjsl-overlay, .bjsl-issues").First;
        await Assertions.Expect(page.Locator("[data-testid=canvas]")).ToContainTextAsync("Gerbang kompleks tidak didukung", new() { Timeout = 10_000 });
        await BrowserHost.ScreenshotAsync(page, "08-designer-lint-complex-gateway");
        _ = lint;
        await host.CloseAsync(page);
    }

    [Fact]
    public async Task The_lint_flags_a_task_listener_the_engine_does_not_run_and_passes_one_it_runs()
    {
        var page = await host.SignedInPageAsync(path: "/desainer/uji-verifikasi");
        await Shape(page, "Periksa_berkas").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        const string addListener = """
            (eventType) => {
              const m = window.pppkDesigner.modeler;
              const element = m.get('elementRegistry').get('Periksa_berkas');
              const moddle = m.get('moddle');
              const old = element.businessObject.extensionElements?.values || [];
              const listeners = moddle.create('zeebe:TaskListeners', { listeners: [moddle.create('zeebe:TaskListener', { eventType, type: 'audit' })] });
              const values = [...old.filter((v) => !v.$instanceOf('zeebe:TaskListeners')), listeners];
              m.get('modeling').updateProperties(element, { extensionElements: moddle.create('bpmn:ExtensionElements', { values }) });
            }
            """;
        await page.EvaluateAsync(addListener, "updating");
        var canvas = page.Locator("[data-testid=canvas]");
        await Assertions.Expect(canvas).ToContainTextAsync("Listener tugas \"updating\" belum dijalankan", new() { Timeout = 10_000 });
        await BrowserHost.ScreenshotAsync(page, "08b-designer-lint-task-listener");

        await page.EvaluateAsync(addListener, "assigning");
        await Assertions.Expect(canvas).Not.ToContainTextAsync("Listener tugas", new() { Timeout = 10_000 });
        await host.CloseAsync(page);
    }

    /// <summary>A diagram with a compensation event subprocess inside its embedded subprocess or at process level, and execution listeners on the process.</summary>
    private static string CompensationDiagram(bool insideSubprocess)
    {
        const string eventSub = """
            <bpmn:subProcess id="Kompensasi" triggeredByEvent="true">
              <bpmn:startEvent id="Mulai_kompensasi"><bpmn:compensateEventDefinition /></bpmn:startEvent>
            </bpmn:subProcess>
            """;
        return $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" id="d" targetNamespace="t">
              <bpmn:process id="uji-kompensasi" isExecutable="true">
                <bpmn:extensionElements><zeebe:executionListeners><zeebe:executionListener eventType="start" type="audit" /></zeebe:executionListeners></bpmn:extensionElements>
                <bpmn:startEvent id="Mulai"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
                <bpmn:subProcess id="Sub"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>
                  <bpmn:startEvent id="Sub_mulai"><bpmn:outgoing>f3</bpmn:outgoing></bpmn:startEvent>
                  <bpmn:endEvent id="Sub_akhir"><bpmn:incoming>f3</bpmn:incoming></bpmn:endEvent>
                  <bpmn:sequenceFlow id="f3" sourceRef="Sub_mulai" targetRef="Sub_akhir" />
                  {(insideSubprocess ? eventSub : "")}
                </bpmn:subProcess>
                <bpmn:endEvent id="Akhir"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
                <bpmn:sequenceFlow id="f1" sourceRef="Mulai" targetRef="Sub" />
                <bpmn:sequenceFlow id="f2" sourceRef="Sub" targetRef="Akhir" />
                {(insideSubprocess ? "" : eventSub)}
              </bpmn:process>
              <bpmndi:BPMNDiagram id="dia"><bpmndi:BPMNPlane id="plane" bpmnElement="uji-kompensasi">
                {Shape("Mulai", 100, 100, 36, 36)}{Shape("Sub", 180, 60, 360, 200, expanded: true)}{Shape("Sub_mulai", 220, 100, 36, 36)}
                {Shape("Sub_akhir", 320, 100, 36, 36)}{Shape("Akhir", 600, 100, 36, 36)}
                {Shape("Kompensasi", insideSubprocess ? 220 : 180, insideSubprocess ? 160 : 300, 200, 90, expanded: true)}
                {Shape("Mulai_kompensasi", insideSubprocess ? 250 : 210, insideSubprocess ? 190 : 330, 36, 36)}
              </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
            </bpmn:definitions>
            """;

        static string Shape(string id, int x, int y, int w, int h, bool expanded = false) =>
            $"""<bpmndi:BPMNShape id="{id}_di" bpmnElement="{id}"{(expanded ? " isExpanded=\"true\"" : "")}><dc:Bounds x="{x}" y="{y}" width="{w}" height="{h}" /></bpmndi:BPMNShape>""";
    }

    [Fact]
    public async Task The_lint_flags_a_compensation_event_subprocess_at_process_level_and_passes_process_listeners()
    {
        var page = await host.SignedInPageAsync(path: "/desainer/uji-verifikasi");
        await Shape(page, "Lengkap").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        const string import = "async (xml) => { await window.pppkDesigner.modeler.importXML(xml); }";
        var canvas = page.Locator("[data-testid=canvas]");

        await page.EvaluateAsync(import, CompensationDiagram(insideSubprocess: false));
        await Assertions.Expect(canvas).ToContainTextAsync("Peristiwa mulai kompensasi hanya untuk subproses peristiwa", new() { Timeout = 10_000 });
        await Assertions.Expect(canvas).Not.ToContainTextAsync("Listener eksekusi");
        await Assertions.Expect(canvas).Not.ToContainTextAsync("tidak tersambung"); // an event subprocess has no flows by design
        await BrowserHost.ScreenshotAsync(page, "08c-designer-lint-compensation-at-process-level");

        await page.EvaluateAsync(import, CompensationDiagram(insideSubprocess: true));
        await Assertions.Expect(canvas).Not.ToContainTextAsync("Peristiwa mulai kompensasi", new() { Timeout = 10_000 });
        await host.CloseAsync(page);
    }

    [Fact]
    public async Task The_form_editor_deploys_a_form_for_a_user_task_and_links_it()
    {
        var page = await host.SignedInPageAsync(path: "/desainer/uji-verifikasi");
        await Shape(page, "Perbaiki_berkas").WaitForAsync();
        await Shape(page, "Perbaiki_berkas").ClickAsync();
        await page.GetByTestId("edit-form").ClickAsync();
        var editor = page.GetByTestId("form-editor");
        await Assertions.Expect(editor).ToContainTextAsync("form-Perbaiki_berkas");
        await Assertions.Expect(editor.Locator(".fjs-editor-container")).ToBeVisibleAsync();
        // form-js has no translation hook; its palette and empty canvas are translated on the DOM.
        await Assertions.Expect(editor.Locator(".fjs-palette-container")).ToContainTextAsync("Komponen");
        await Assertions.Expect(editor.Locator(".fjs-palette-container")).ToContainTextAsync("Kolom teks");
        await Assertions.Expect(editor.Locator(".fjs-palette-container")).Not.ToContainTextAsync("Text field");
        await Assertions.Expect(editor.Locator(".fjs-palette-container input").First).ToHaveAttributeAsync("placeholder", "Cari komponen");
        await BrowserHost.ScreenshotAsync(page, "13-designer-form-editor");
        await page.GetByTestId("form-deploy").ClickAsync();
        await Assertions.Expect(page.GetByTestId("status")).ToContainTextAsync("Formulir form-Perbaiki_berkas versi 1 diterapkan");

        var form = await host.GetAsync("/api/forms/form-Perbaiki_berkas");
        Assert.Equal(1, (int)form["version"]!);
        var linked = await page.EvaluateAsync<string>("""
            async () => (await window.pppkDesigner.modeler.saveXML()).xml
            """);
        Assert.Contains("formId=\"form-Perbaiki_berkas\"", linked);
        await host.CloseAsync(page);
    }

    [Fact]
    public async Task Hr_admin_creates_a_new_workflow_appends_an_end_event_and_deploys_version_1()
    {
        var page = await host.SignedInPageAsync(path: "/desainer");
        var answers = new Queue<string>(["Uji alur baru", "uji-baru"]);
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync(answers.Dequeue());
        await page.GetByTestId("new-workflow").ClickAsync();
        await Assertions.Expect(page.GetByTestId("designer-title")).ToContainTextAsync("uji-baru — belum diterapkan");

        await Shape(page, "Mulai").ClickAsync();
        await page.Locator(".djs-context-pad .entry[data-action='append.end-event']").ClickAsync();
        await page.GetByTestId("deploy").ClickAsync();
        await Assertions.Expect(page.GetByTestId("status")).ToContainTextAsync("uji-baru versi 1");
        await Assertions.Expect(page.GetByTestId("workflow-list")).ToContainTextAsync("Uji alur baru");
        await Assertions.Expect(page.GetByTestId("version-list")).ToContainTextAsync("Versi 1");
        Assert.Equal(1, (int)(await host.GetAsync("/api/definitions/uji-baru"))["version"]!);
        await host.CloseAsync(page);
    }
}
