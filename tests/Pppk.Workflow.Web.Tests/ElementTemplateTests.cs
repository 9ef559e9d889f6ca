using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Npgsql;
using Pppk.Workflow.Notifications.Templates;
using Pppk.Workflow.Runtime.Definitions;
using Pppk.Workflow.Runtime.Jobs;

namespace Pppk.Workflow.Web.Tests;

/// <summary>The designer's blocks name only what exists, and each one dragged onto a new diagram deploys.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ElementTemplateTests(BrowserHost host)
{
    private async Task<List<JsonObject>> TemplatesAsync()
    {
        using var api = host.Client();
        return [.. (await api.GetFromJsonAsync<JsonArray>("/api/element-templates"))!.OfType<JsonObject>()];
    }

    private static IEnumerable<JsonObject> Properties(JsonObject template) => template["properties"]!.AsArray().OfType<JsonObject>();

    private static IEnumerable<string> Offered(JsonObject property) =>
        (property["choices"]?.AsArray().Select(c => (string)c!["value"]!) ?? []).Append((string?)property["value"]).OfType<string>();

    private static bool Binds(JsonObject property, string type, string field, string name) =>
        (string?)property["binding"]!["type"] == type && (string?)property["binding"]![field] == name;

    [Fact]
    public async Task Every_served_template_names_a_registered_job_type_a_loaded_email_template_a_deployed_form_and_process()
    {
        var templates = await TemplatesAsync();
        var handlers = host.Host.Services.GetRequiredService<JobHandlerRegistry>();
        var emails = host.Host.Services.GetRequiredService<EmailTemplates>();
        var (processes, forms) = await DefinitionTable.DeployedNamesAsync(host.Host.Services.GetRequiredService<NpgsqlDataSource>(), default);
        var jobTypes = new List<string>();
        foreach (var template in templates)
        {
            var name = (string)template["name"]!;
            Assert.DoesNotContain("segera", name, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("placeholder", (string?)template["description"] ?? "", StringComparison.OrdinalIgnoreCase);
            foreach (var property in Properties(template))
            {
                if (Binds(property, "zeebe:taskDefinition", "property", "type"))
                {
                    var type = (string)property["value"]!;
                    Assert.True(handlers.Find(type) is not null, $"{name}: job type {type} has no handler");
                    jobTypes.Add(type);
                }
                if (Binds(property, "zeebe:taskHeader", "key", "template"))
                    Assert.All(Offered(property), t => Assert.True(emails.Exists(t), $"{name}: no email template {t}"));
                if (Binds(property, "zeebe:formDefinition", "property", "formId"))
                    Assert.All(Offered(property), f => Assert.Contains(f, forms));
                if (Binds(property, "zeebe:calledElement", "property", "processId"))
                    Assert.All(Offered(property), p => Assert.Contains(p, processes));
            }
        }
        // Every described handler has its block, and the email block offers every loaded template.
        Assert.Equal(handlers.Descriptions.Select(d => d.Type).Order(), jobTypes.Order());
        var email = templates.Single(t => (string)t["id"]! == "pppk.email");
        var choice = Properties(email).Single(p => Binds(p, "zeebe:taskHeader", "key", "template"));
        Assert.Equal(emails.Names.Order(), choice["choices"]!.AsArray().Select(c => (string)c!["value"]!).Order());
        Assert.Contains("hasil-seleksi", emails.Names);
        Assert.Contains(templates, t => (string)t["id"]! == "pppk.user-task");
        Assert.Contains(templates, t => (string)t["id"]! == "pppk.call-activity");
    }

    [Fact]
    public async Task Each_template_applied_to_a_task_of_a_new_diagram_deploys_without_an_error()
    {
        var templates = await TemplatesAsync();
        var page = await host.SignedInPageAsync(path: "/desainer");
        var answers = new Queue<string>();
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync(answers.Count > 0 ? answers.Dequeue() : null);
        var panel = page.GetByTestId("properties-panel");
        for (var i = 0; i < templates.Count; i++)
        {
            var template = templates[i];
            var (id, name) = ((string)template["id"]!, (string)template["name"]!);
            var key = $"uji-blok-{i + 1}";
            await page.GotoAsync("/desainer");
            answers.Enqueue($"Uji blok {name}");
            answers.Enqueue(key);
            await page.GetByTestId("new-workflow").ClickAsync();
            await Assertions.Expect(page.GetByTestId("designer-title")).ToContainTextAsync($"{key} — belum diterapkan");
            // Every served template is valid for bpmn-js-element-templates (an invalid one would be dropped with an error).
            Assert.Equal(templates.Count, await page.EvaluateAsync<int>("() => window.pppkDesigner.modeler.get('elementTemplates').getAll().length"));

            await Shape(page, "Mulai").ClickAsync();
            await page.Locator(".djs-context-pad .entry[data-action='append.append-task']").ClickAsync();
            await page.Keyboard.TypeAsync(name);
            await page.Keyboard.PressAsync("Enter");
            await page.GetByTestId("apply-template").ClickAsync();
            var chooser = page.GetByTestId("template-chooser");
            if (i == 0) await BothSizesAsync(page, "i19-blocks-template-chooser");
            await chooser.Locator($"[data-template-id='{id}']").ClickAsync();
            await Assertions.Expect(panel).ToContainTextAsync(name);

            foreach (var property in Properties(template).Where(NeedsInput))
            {
                await BrowserHost.OpenGroupAsync(panel, GroupLabel(template, (string)property["group"]!));
                await panel.GetByLabel((string)property["label"]!, new() { Exact = true }).FillAsync(ValidValue(property));
            }
            if (id is "pppk.email" or "pppk.document")
            {
                foreach (var group in template["groups"]!.AsArray().Select(g => (string)g!["label"]!)) await BrowserHost.OpenGroupAsync(panel, group);
                await BothSizesAsync(page, $"i19-blocks-properties-{id}");
            }

            await page.Locator(".djs-context-pad .entry[data-action='append.end-event']").ClickAsync();
            await page.GetByTestId("deploy").ClickAsync();
            await Assertions.Expect(page.GetByTestId("status")).ToContainTextAsync($"{key} versi 1");
            var xml = (string)(await host.GetAsync($"/api/definitions/{key}"))["xml"]!;
            Assert.Contains($"zeebe:modelerTemplate=\"{id}\"", xml);
            foreach (var hidden in Properties(template).Where(p => (string)p["type"]! == "Hidden" && (string?)p["binding"]!["property"] == "type"))
                Assert.Contains($"type=\"{hidden["value"]}\"", xml);
        }
        await host.CloseAsync(page);
    }

    private static ILocator Shape(IPage page, string id) => page.Locator($"[data-testid=canvas] .djs-element[data-element-id=\"{id}\"]");

    // A required text field the template leaves empty (e.g. the email's recipient): the designer must fill it in.
    private static bool NeedsInput(JsonObject p) =>
        (string)p["type"]! is "String" or "Text" && p["value"] is null && p["condition"] is null && (bool?)p["constraints"]?["notEmpty"] == true;

    private static string ValidValue(JsonObject p) => (string?)p["binding"]!["key"] == "to" ? "pengelola@contoh.id" : "=1";

    private static string GroupLabel(JsonObject template, string group) =>
        (string)template["groups"]!.AsArray().Single(g => (string)g!["id"]! == group)!["label"]!;

    private static async Task BothSizesAsync(IPage page, string name)
    {
        await BrowserHost.ScreenshotAsync(page, $"{name}-1366x768");
        await page.SetViewportSizeAsync(1920, 1080);
        await BrowserHost.ScreenshotAsync(page, $"{name}-1920x1080");
        await page.SetViewportSizeAsync(1366, 768);
    }
}
