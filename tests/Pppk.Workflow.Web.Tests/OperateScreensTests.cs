using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Pppk.Workflow.Testing;
using static Pppk.Workflow.Testing.Bpmn;

namespace Pppk.Workflow.Web.Tests;

/// <summary>
/// Issue 19, running the system: an incident fixed (its variable edited) and retried from the incidents screen, then the
/// case goes on; the rest retried as a batch; the cases list paged, searched, filtered and cancelled as a batch.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OperateScreensTests(BrowserHost host)
{
    private async Task<WorkflowApiClient> UnitsAndApiAsync()
    {
        await using (var db = Npgsql.NpgsqlDataSource.Create(host.ConnectionString))
        await using (var units = db.CreateCommand("INSERT INTO pppk.units (code, name) VALUES ('DISDIK', 'Dinas Pendidikan'), ('DINKES', 'Dinas Kesehatan') ON CONFLICT DO NOTHING"))
            await units.ExecuteNonQueryAsync();
        return new WorkflowApiClient(host.Client());
    }

    private static async Task ScreenshotsAsync(IPage page, string name)
    {
        await BrowserHost.ScreenshotAsync(page, name);
        await page.SetViewportSizeAsync(1920, 1080);
        await BrowserHost.ScreenshotAsync(page, $"{name}-1920");
        await page.SetViewportSizeAsync(1366, 768);
    }

    /// <summary>The page does not scroll sideways (nothing wider than the window).</summary>
    private static async Task AssertNoSidewaysScrollAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways");

    [Fact]
    public async Task An_incident_is_fixed_by_editing_its_variable_and_retried_from_the_incidents_screen_then_the_rest_as_a_batch()
    {
        var api = await UnitsAndApiAsync();
        const string key = "uji-operasi-insiden";
        await api.DeployAsync(WithProperties(Process(key, string.Join("\n",
                "<bpmn:startEvent id=\"mulai\"/>", "<bpmn:exclusiveGateway id=\"cek_nilai\" name=\"Nilai cukup?\"/>", UserTask("susun_sk", "Susun SK"),
                "<bpmn:endEvent id=\"tolak\"/>", Flow("f0", "mulai", "cek_nilai"), Flow("f1", "cek_nilai", "susun_sk", "=nilai >= 300"),
                Flow("f2", "cek_nilai", "tolak", "=nilai < 0"))),
            ("caseUnit", "=unitCode"), ("caseTitle", "=\"Seleksi — \" + nama")));
        var ani = (string)(await api.StartAsync(key, new { nama = "Ani Lestari", unitCode = "DISDIK", nilai = 120 }, "SELEKSI-ANI"))["id"]!;
        var budi = (string)(await api.StartAsync(key, new { nama = "Budi Santoso", unitCode = "DISDIK", nilai = 100 }, "SELEKSI-BUDI"))["id"]!;
        var citra = (string)(await api.StartAsync(key, new { nama = "Citra Dewi", unitCode = "DINKES", nilai = 90 }, "SELEKSI-CITRA"))["id"]!;

        var page = await host.SignedInPageAsync(path: $"/insiden?definition={key}");
        var rows = page.GetByTestId("incident-row");
        await Assertions.Expect(rows).ToHaveCountAsync(3);
        await Assertions.Expect(page.GetByTestId("incident-range")).ToHaveTextAsync("1–3 dari 3 insiden");
        var aniRow = rows.Filter(new() { HasText = "Seleksi — Ani Lestari" });
        await Assertions.Expect(aniRow.GetByTestId("incident-step")).ToHaveTextAsync("Nilai cukup?");
        await Assertions.Expect(aniRow.GetByTestId("incident-message")).ToContainTextAsync("Tidak ada kondisi pada alur keluar");
        await Assertions.Expect(aniRow).ToContainTextAsync("Dinas Pendidikan");
        await Assertions.Expect(aniRow).ToContainTextAsync("WITA");
        await Assertions.Expect(aniRow.GetByTestId("incident-workflow")).ToHaveTextAsync("Proses uji-operasi-insiden");
        await AssertNoSidewaysScrollAsync(page);
        await ScreenshotsAsync(page, "i19-operate-01-incidents");

        await page.GetByTestId("filter-unit").SelectOptionAsync("DINKES");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows).ToContainTextAsync("Citra Dewi");
        await page.GetByTestId("filter-unit").SelectOptionAsync("");
        await Assertions.Expect(rows).ToHaveCountAsync(3);

        // The technical detail is one click away.
        await aniRow.GetByTestId("incident-detail-toggle").ClickAsync();
        await Assertions.Expect(page.GetByTestId("incident-technical")).ToContainTextAsync("No condition of the outgoing flows of 'cek_nilai'");
        await BrowserHost.ScreenshotAsync(page, "i19-operate-02-incident-detail");

        await aniRow.GetByTestId("incident-fix").ClickAsync();
        var dialog = page.GetByTestId("fix-dialog");
        var nilai = dialog.GetByLabel("nilai", new() { Exact = true });
        await Assertions.Expect(nilai).ToHaveValueAsync("120");
        await nilai.FillAsync("350");
        await BrowserHost.ScreenshotAsync(page, "i19-operate-03-incident-fix-dialog");
        await dialog.GetByTestId("fix-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("incident-status")).ToContainTextAsync("berjalan lagi");
        await Assertions.Expect(rows).ToHaveCountAsync(2);

        // The case went on to its next step, the change in its audit.
        var fixedCase = await api.InstanceAsync(ani);
        Assert.False((bool)fixedCase["incident"]!);
        Assert.Equal(350, (int)fixedCase["variables"]!["nilai"]!);
        Assert.Contains("susun_sk", fixedCase["activeElementIds"]!.AsArray().Select(e => (string)e!));
        var audit = (await api.Http.GetFromJsonAsync<JsonObject>($"/api/instances/{ani}/audit"))!["items"]!.AsArray();
        Assert.Contains(audit, a => (string)a!["action"]! == "set-variables");
        Assert.Contains(audit, a => (string)a!["action"]! == "retry-incident");

        // The other two fixed elsewhere, then retried together from the filter, with the count first and the progress.
        foreach (var id in new[] { budi, citra })
            (await api.Http.PutAsJsonAsync($"/api/instances/{id}/variables", new { variables = new { nilai = 400 } })).EnsureSuccessStatusCode();
        await page.GetByTestId("retry-filter").ClickAsync();
        var batch = page.GetByTestId("batch-dialog");
        await Assertions.Expect(batch.GetByTestId("batch-count")).ToHaveTextAsync("2");
        await Assertions.Expect(batch.GetByTestId("batch-preview")).ToContainTextAsync("2 kasus akan dicoba ulang");
        await batch.GetByTestId("batch-confirm").ClickAsync();
        await Assertions.Expect(batch.GetByTestId("batch-summary")).ToContainTextAsync("Selesai. 2 berhasil");
        await Assertions.Expect(batch.GetByTestId("operation-percent")).ToHaveTextAsync("100%");
        await ScreenshotsAsync(page, "i19-operate-04-incidents-batch-retry");
        await batch.GetByTestId("batch-close").ClickAsync();
        await Assertions.Expect(page.GetByTestId("incident-empty")).ToContainTextAsync("Tidak ada insiden terbuka");
        foreach (var id in new[] { budi, citra })
            Assert.Contains("susun_sk", (await api.InstanceAsync(id))["activeElementIds"]!.AsArray().Select(e => (string)e!));
        await host.CloseAsync(page);
    }

    [Fact]
    public async Task The_cases_list_pages_searches_filters_and_cancels_the_filtered_cases_and_a_selection_as_batches()
    {
        var api = await UnitsAndApiAsync();
        const string key = "uji-operasi-kasus";
        await api.DeployAsync(WithProperties(Chain(key, UserTask("periksa", "Periksa berkas")), ("caseUnit", "=unitCode"), ("caseTitle", "=\"Kontrak — \" + nama")));
        var items = Enumerable.Range(1, 55).Select(i => new
        {
            businessKey = $"KONTRAK-{i:00}",
            variables = new { nama = $"Pegawai {i:00}", unitCode = i <= 40 ? "DISDIK" : "DINKES" },
        }).ToList();
        (await api.Http.PostAsJsonAsync("/api/instances/batch", new { definitionKey = key, instances = items })).EnsureSuccessStatusCode();

        var page = await host.SignedInPageAsync(path: $"/instans?alur={key}");
        var rows = page.GetByTestId("instance-row");
        await Assertions.Expect(page.GetByTestId("instance-total")).ToHaveTextAsync("1–50 dari 55 kasus");
        await Assertions.Expect(rows).ToHaveCountAsync(50);
        await Assertions.Expect(rows.First).ToContainTextAsync("Kontrak — Pegawai");
        await Assertions.Expect(rows.First).ToContainTextAsync("Proses uji-operasi-kasus");
        await Assertions.Expect(rows.First).ToContainTextAsync("WITA");
        await AssertNoSidewaysScrollAsync(page);
        await ScreenshotsAsync(page, "i19-operate-05-cases-list");
        await page.GetByTestId("page-next").ClickAsync();
        await Assertions.Expect(page.GetByTestId("instance-total")).ToHaveTextAsync("51–55 dari 55 kasus");
        await Assertions.Expect(rows).ToHaveCountAsync(5);

        await page.GetByTestId("instance-search").FillAsync("pegawai 07");
        await Assertions.Expect(page.GetByTestId("instance-total")).ToHaveTextAsync("1–1 dari 1 kasus");
        await Assertions.Expect(rows).ToContainTextAsync("Kontrak — Pegawai 07");
        await page.GetByTestId("instance-search").FillAsync("KONTRAK-42");
        await Assertions.Expect(rows).ToContainTextAsync("Kontrak — Pegawai 42");
        await page.GetByTestId("instance-search").FillAsync("");

        await page.GetByTestId("filter-unit").SelectOptionAsync("DINKES");
        await Assertions.Expect(page.GetByTestId("instance-total")).ToHaveTextAsync("1–15 dari 15 kasus");
        await Assertions.Expect(rows.First).ToContainTextAsync("Dinas Kesehatan");
        await page.GetByTestId("cancel-filter").ClickAsync();
        var batch = page.GetByTestId("batch-dialog");
        await Assertions.Expect(batch.GetByTestId("batch-preview")).ToContainTextAsync("15 kasus akan dibatalkan");
        await batch.GetByTestId("batch-reason").FillAsync("Formasi Dinas Kesehatan ditutup");
        await BrowserHost.ScreenshotAsync(page, "i19-operate-06-cases-batch-cancel-preview");
        await batch.GetByTestId("batch-confirm").ClickAsync();
        await Assertions.Expect(batch.GetByTestId("batch-summary")).ToContainTextAsync("Selesai. 15 berhasil");
        await Assertions.Expect(batch.GetByTestId("batch-operation-link")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^/operasi/[0-9a-f-]+$"));
        await ScreenshotsAsync(page, "i19-operate-07-cases-batch-cancel-done");
        await batch.GetByTestId("batch-close").ClickAsync();
        await Assertions.Expect(rows.Filter(new() { HasText = "Dibatalkan" })).ToHaveCountAsync(15);

        // A selection: two of the other unit's cases.
        await page.GetByTestId("filter-unit").SelectOptionAsync("DISDIK");
        await page.GetByTestId("filter-status").SelectOptionAsync("active");
        await Assertions.Expect(page.GetByTestId("instance-total")).ToHaveTextAsync("1–40 dari 40 kasus");
        var picked = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            picked.Add((await rows.Nth(i).GetAttributeAsync("data-instance-id"))!);
            await rows.Nth(i).Locator("input[type=checkbox]").CheckAsync();
        }
        await Assertions.Expect(page.GetByTestId("selected-count")).ToHaveTextAsync("2 dipilih");
        await page.GetByTestId("cancel-selected").ClickAsync();
        await Assertions.Expect(batch.GetByTestId("batch-preview")).ToContainTextAsync("2 kasus akan dibatalkan");
        await batch.GetByTestId("batch-confirm").ClickAsync();
        await Assertions.Expect(batch.GetByTestId("batch-summary")).ToContainTextAsync("Selesai. 2 berhasil");
        await batch.GetByTestId("batch-close").ClickAsync();
        await Assertions.Expect(page.GetByTestId("instance-total")).ToHaveTextAsync("1–38 dari 38 kasus");

        foreach (var id in picked) Assert.Equal("cancelled", (string)(await api.InstanceAsync(id))["status"]!);
        var dinkes = (await api.Http.GetFromJsonAsync<JsonObject>($"/api/instances?definitionKey={key}&unitCode=DINKES&status=cancelled"))!;
        Assert.Equal(15, (int)dinkes["total"]!);
        await host.CloseAsync(page);
    }
}
