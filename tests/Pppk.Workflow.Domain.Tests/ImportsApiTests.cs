using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Pppk.Workflow.Domain.Imports;

namespace Pppk.Workflow.Domain.Tests;

/// <summary><c>POST /api/imports/{kind}</c>: a text/csv body or a multipart file; 200 with the counts or 400 with every bad row.</summary>
public sealed class ImportsApiTests(DomainTestHost host) : IClassFixture<DomainTestHost>
{
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Imports_over_HTTP_answer_the_counts_or_every_bad_row_as_a_problem()
    {
        using var client = host.Client();
        var good = new StringContent("kode_formasi,jabatan,kode_unit,nama_unit,jenis,kuota,tahun,tahap\nHTTP-1,Perawat,DINKES,Dinas Kesehatan,nakes,2,2024,1\n", Encoding.UTF8, "text/csv");
        var ok = await JsonAsync(await client.PostAsync("/api/imports/formations", good));
        Assert.Equal(("formations", 1, 1, 0), (ok.GetProperty("kind").GetString(), ok.GetProperty("rows").GetInt32(), ok.GetProperty("inserted").GetInt32(), ok.GetProperty("updated").GetInt32()));

        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes("no_peserta,nilai_teknis,nilai_manajerial_sosiokultural,nilai_wawancara\nNOPE,500,100,20\n"));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "nilai.csv");
        var bad = await client.PostAsync("/api/imports/scores", form);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString())).ToList();
        Assert.Equal([(2, "no_peserta"), (2, "nilai_teknis")], errors);
        Assert.Contains("nothing was imported", problem.GetProperty("title").GetString());

        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/api/imports/gaji", new StringContent("a\n1\n", Encoding.UTF8, "text/csv"))).StatusCode);
        var kinds = await JsonAsync(await client.GetAsync("/api/imports"));
        Assert.Equal(ImportKinds.All, kinds.EnumerateArray().Select(k => k.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task Bad_rows_are_answered_in_Indonesian_with_their_codes_for_Accept_Language_id()
    {
        using var client = host.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/imports/scores")
        {
            Content = new StringContent("no_peserta,nilai_teknis,nilai_manajerial_sosiokultural,nilai_wawancara\nNOPE,500,100,20\n", Encoding.UTF8, "text/csv"),
        };
        request.Headers.AcceptLanguage.ParseAdd("id");
        var bad = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Berkas nilai memiliki 2 masalah; tidak ada yang diimpor. Perbaiki baris yang tercantum lalu kirim ulang seluruh berkas.",
            problem.GetProperty("title").GetString());
        var errors = problem.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString(), e.GetProperty("code").GetString(), e.GetProperty("message").GetString())).ToList();
        Assert.Equal((2, "no_peserta", "registration-unknown", "Nomor peserta 'NOPE' tidak dikenal; impor berkas pelamar terlebih dahulu."), errors[0]);
        Assert.Equal((2, "nilai_teknis", "number-out-of-range"), (errors[1].Item1, errors[1].Item2, errors[1].Item3));
        Assert.StartsWith("500 di luar rentang", errors[1].Item4);
    }

    [Fact]
    public async Task The_template_of_each_kind_is_its_header()
    {
        using var client = host.Client();
        var template = await client.GetAsync("/api/imports/employees/template");
        Assert.Equal("text/csv", template.Content.Headers.ContentType?.MediaType);
        Assert.Equal(string.Join(",", CsvImporter.ColumnsOf(ImportKinds.Employees)) + "\n", await template.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/imports/gaji/template")).StatusCode);
    }

    [Fact]
    public async Task A_form_without_a_file_or_an_empty_body_is_a_400_problem()
    {
        using var client = host.Client();
        var noFile = await client.PostAsync("/api/imports/formations", new MultipartFormDataContent { { new StringContent("x"), "note" } });
        Assert.Equal(HttpStatusCode.BadRequest, noFile.StatusCode);
        Assert.Contains("no file", await noFile.Content.ReadAsStringAsync());
        var empty = await client.PostAsync("/api/imports/formations", new StringContent("", Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
    }
}
