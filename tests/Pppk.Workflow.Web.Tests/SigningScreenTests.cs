using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Pppk.Workflow.Web.Tests;

/// <summary>
/// The PPK's signing task of penerbitan-sk shows the drafts of the SK and the perjanjian kerja drawn in the page (pdf.js), the
/// PPK signs, and the employee's profile lists the signed SK with its number, signer and a download.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SigningScreenTests(BrowserHost host)
{
    private const string PpkName = "ppk.tte";
    private const string PpkPassword = "Penandatangan-2026";
    private const string Nik = "6402012109890011";

    private static async Task ScreenshotsAsync(IPage page, string name)
    {
        await BrowserHost.ScreenshotAsync(page, $"{name}-1366");
        await page.SetViewportSizeAsync(1920, 1080);
        await BrowserHost.ScreenshotAsync(page, $"{name}-1920");
        await page.SetViewportSizeAsync(1366, 768);
    }

    /// <summary>An applicant of a DINKES formation taken through DRH, NI and the contract terms to the PPK's signing task; the task's id.</summary>
    private async Task<(string InstanceId, string TaskId)> CaseAtSigningAsync()
    {
        using var api = host.Client();
        async Task Csv(string kind, string text)
        {
            using var content = new StringContent(text, Encoding.UTF8);
            content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            var imported = await api.PostAsync($"/api/imports/{kind}", content);
            Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync());
        }
        await Csv("formations", "kode_formasi,jabatan,kode_unit,nama_unit,jenis,kuota,tahun,tahap\nTTE-NAKES-01,Bidan Ahli Pertama,TTE-PKM,Puskesmas Loa Kulu,nakes,1,2025,1\n");
        await Csv("applicants", $"no_peserta,nik,nama,email,tanggal_lahir,kode_formasi,kategori_prioritas\n25-9001,{Nik},Sri Wahyuni,sri.wahyuni@contoh.id,1989-09-21,TTE-NAKES-01,2\n");
        var user = await api.PostAsJsonAsync("/api/users", new { userName = PpkName, password = PpkPassword, fullName = "Edi Damansyah", roles = new[] { "ppk" } });
        Assert.True(user.IsSuccessStatusCode, await user.Content.ReadAsStringAsync());

        var started = await (await api.PostAsJsonAsync("/api/instances", new
        {
            definitionKey = "penerbitan-sk", businessKey = "25-9001",
            variables = new { registrationNumber = "25-9001", nik = Nik, name = "Sri Wahyuni", email = "sri.wahyuni@contoh.id" },
        })).Content.ReadFromJsonAsync<JsonObject>();
        var id = (string)started!["id"]!;
        await CompleteAsync(api, id, "drh", new { drhReceivedDate = "2025-01-10" });
        var published = await api.PostAsJsonAsync("/api/messages", new { name = "ni-terbit", correlationKey = Nik, variables = new { niPppk = "198909212025212001" }, timeToLiveSeconds = 600 });
        Assert.True(published.IsSuccessStatusCode, await published.Content.ReadAsStringAsync());
        await CompleteAsync(api, id, "perjanjian", new { tmt = "2025-03-01", termYears = 1 });
        return (id, (string)(await OpenTaskAsync(api, id, "tanda_tangan"))["id"]!);
    }

    private static async Task<JsonObject> OpenTaskAsync(HttpClient api, string instanceId, string elementId)
    {
        for (var tries = 0; ; tries++)
        {
            var tasks = (await api.GetFromJsonAsync<JsonObject>($"/api/tasks?instanceId={instanceId}"))!["items"]!.AsArray();
            if (tasks.FirstOrDefault(t => (string?)t!["elementId"] == elementId) is JsonObject task) return task;
            Assert.True(tries < 200, $"no task {elementId} on {instanceId}: {(await api.GetFromJsonAsync<JsonObject>($"/api/instances/{instanceId}"))!.ToJsonString()}");
            await Task.Delay(100);
        }
    }

    private static async Task CompleteAsync(HttpClient api, string instanceId, string elementId, object variables)
    {
        var task = await OpenTaskAsync(api, instanceId, elementId);
        var done = await api.PostAsJsonAsync($"/api/tasks/{task["id"]}/complete", new { variables });
        Assert.True(done.IsSuccessStatusCode, await done.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_PPK_reads_the_drafts_in_the_task_signs_and_the_profile_lists_the_signed_SK()
    {
        var (instanceId, taskId) = await CaseAtSigningAsync();

        var page = await host.SignedInPageAsync(PpkName, PpkPassword, $"/tugas/{taskId}");
        var drafts = page.GetByTestId("drafts-to-sign");
        await Assertions.Expect(drafts).ToContainTextAsync("Dokumen yang akan ditandatangani");
        await Assertions.Expect(drafts.GetByTestId("draft-tab")).ToHaveTextAsync(["SK pengangkatan", "Perjanjian kerja"]);
        var sk = drafts.Locator("[data-testid=draft-pdf][data-kind=sk]");
        // data-pages is set once every page is drawn.
        await Assertions.Expect(sk).ToHaveAttributeAsync("data-pages", "1");
        await Assertions.Expect(sk.Locator("canvas.pdf-page")).ToHaveCountAsync(1);
        // pdf.js drew the page: the canvas is as wide as the pane and not blank.
        var inked = await sk.Locator("canvas.pdf-page").EvaluateAsync<bool>("""
            c => { const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                   for (let i = 0; i < d.length; i += 4) if (d[i] < 100 && d[i + 3] > 0) return true; return false; }
            """);
        Assert.True(inked, "the SK draft's canvas is blank");
        await Assertions.Expect(page.GetByTestId("task-form")).ToContainTextAsync("Sri Wahyuni");
        await drafts.ScrollIntoViewIfNeededAsync();
        await page.EvaluateAsync("() => document.querySelector('[data-testid=drafts-to-sign]').scrollIntoView({ block: 'start' })");
        await ScreenshotsAsync(page, "60-signing-task-pdf");
        await drafts.GetByTestId("draft-tab").Nth(1).ClickAsync();
        await Assertions.Expect(drafts.Locator("[data-testid=draft-pdf][data-kind=perjanjian-kerja] canvas.pdf-page")).Not.ToHaveCountAsync(0);

        await page.GetByLabel("Ya").CheckAsync();
        await page.GetByTestId("complete").ClickAsync();
        await Assertions.Expect(page.GetByTestId("task-status")).ToContainTextAsync("Tugas selesai");
        await host.CloseAsync(page);

        var variables = (await host.GetAsync($"/api/instances/{instanceId}"))["variables"]!;
        var skNumber = (string)variables["skNumber"]!;
        var employeeId = (int)variables["employeeId"]!;
        var profile = await host.SignedInPageAsync(path: $"/pegawai/{employeeId}");
        var rows = profile.GetByTestId("employee-document-rows");
        var signedSk = rows.Locator("[data-testid=document-row][data-kind=sk]");
        await Assertions.Expect(signedSk).ToContainTextAsync(skNumber);
        await Assertions.Expect(signedSk).ToContainTextAsync("Sah");
        await Assertions.Expect(signedSk).ToContainTextAsync("Bupati Kutai Kartanegara");
        await Assertions.Expect(signedSk).ToContainTextAsync("WITA");
        await Assertions.Expect(rows.Locator("[data-testid=document-row][data-kind=perjanjian-kerja]")).ToContainTextAsync(skNumber + "/PK");
        await Assertions.Expect(profile.GetByTestId("documents-pager")).ToContainTextAsync("Halaman 1 dari 1 · 2 data");
        await Assertions.Expect(signedSk.GetByTestId("document-download")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^/api/documents/[0-9a-f-]+\\?download=1$"));
        // The row does not wrap at 1366x768: one line high, like its neighbours.
        var height = await signedSk.Locator("td.doc-number").EvaluateAsync<double>("e => e.getBoundingClientRect().height");
        Assert.True(height < 60, $"the document row is {height}px high");
        await signedSk.ScrollIntoViewIfNeededAsync();
        await ScreenshotsAsync(profile, "61-employee-documents");

        // The case viewer lists the case's documents too.
        await profile.GotoAsync($"/instans/{instanceId}");
        await Assertions.Expect(profile.GetByTestId("case-documents").Locator("[data-testid=document-row][data-kind=sk]")).ToContainTextAsync(skNumber);
        await host.CloseAsync(profile);
    }
}
