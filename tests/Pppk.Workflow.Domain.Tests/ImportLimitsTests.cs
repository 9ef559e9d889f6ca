using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Pppk.Workflow.Domain.Imports;

namespace Pppk.Workflow.Domain.Tests;

/// <summary>The host with small import limits (Limits:Imports), so each limit is met by a small file.</summary>
public sealed class SmallImportLimitsHost : DomainTestHost
{
    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Limits:Imports:MaxRows"] = "5";
        settings["Limits:Imports:MaxFieldLength"] = "50";
        settings["Limits:Imports:MaxErrors"] = "10";
        return settings;
    }
}

/// <summary>
/// A CSV file is UTF-8 text within the configured limits (rows, field length); a file that is not is refused naming the
/// first bad row and the limit or encoding, and the list of problems is capped (the first N, plus how many in all).
/// </summary>
public sealed class ImportLimitsTests(SmallImportLimitsHost host) : IClassFixture<SmallImportLimitsHost>
{
    private const string FormationHeader = "kode_formasi,jabatan,kode_unit,nama_unit,jenis,kuota,tahun,tahap";
    private const string ApplicantHeader = "no_peserta,nik,nama,email,tanggal_lahir,kode_formasi,kategori_prioritas";

    private static string Formation(int i) => $"LIM-{i},Perawat,DINKES,Dinas Kesehatan,nakes,2,2024,1";

    private async Task<JsonElement> RefusedAsync(HttpContent content, string kind = "formations", string? language = null)
    {
        using var client = host.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/imports/{kind}") { Content = content };
        if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
        var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement;
    }

    private static (int Row, string Column, string Code, string Message) Error(JsonElement problem, int index)
    {
        var e = problem.GetProperty("errors")[index];
        return (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString()!, e.GetProperty("code").GetString()!, e.GetProperty("message").GetString()!);
    }

    private static ByteArrayContent Bytes(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new("text/csv");
        return content;
    }

    [Fact]
    public async Task A_file_that_is_not_UTF_8_is_refused_naming_its_first_bad_row_and_UTF_8()
    {
        // A spreadsheet's "CSV" in Windows-1252: ü is the single byte FC.
        var latin1 = Encoding.Latin1.GetBytes(Csv.Lines(ApplicantHeader, "P-1,6401010101010001,Andi Saputra,a@x.id,1990-01-01,F-1,1", "P-2,6401010101010002,Andi Müller,b@x.id,1990-01-01,F-1,1"));
        var problem = await RefusedAsync(Bytes(latin1), "applicants");
        var (row, _, code, message) = Error(problem, 0);
        Assert.Equal((3, "csv-not-utf8"), (row, code));
        Assert.Contains("Row 3 is not UTF-8 text", message);
        Assert.Contains("CSV UTF-8", message);
        Assert.Equal(1, problem.GetProperty("errorCount").GetInt32());

        var indonesian = await RefusedAsync(Bytes(latin1), "applicants", "id");
        Assert.StartsWith("Baris 3 bukan teks UTF-8", Error(indonesian, 0).Message);

        // UTF-16 with its byte-order mark is not UTF-8 from the first byte; without one, its ASCII letters come with NULs.
        var utf16 = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Csv.Lines(FormationHeader, Formation(1)))).ToArray();
        Assert.Equal((1, "csv-not-utf8"), (Error(await RefusedAsync(Bytes(utf16)), 0).Row, Error(await RefusedAsync(Bytes(utf16)), 0).Code));
        using var form = new MultipartFormDataContent { { Bytes(Encoding.Unicode.GetBytes(Csv.Lines(FormationHeader, Formation(1)))), "file", "formasi.csv" } };
        var noMark = Error(await RefusedAsync(form), 0);
        Assert.Equal((1, "csv-nul"), (noMark.Row, noMark.Code));
        Assert.Contains("UTF-16", noMark.Message);
    }

    [Fact]
    public async Task A_UTF_8_file_with_a_byte_order_mark_imports()
    {
        using var client = host.Client();
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Csv.Lines(FormationHeader, Formation(1)))).ToArray();
        var response = await client.PostAsync("/api/imports/formations", Bytes(bytes));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_NUL_character_is_refused_naming_its_row()
    {
        var problem = await RefusedAsync(Bytes(Encoding.UTF8.GetBytes(Csv.Lines(FormationHeader, Formation(1), "LIM-\0,Perawat,DINKES,Dinas Kesehatan,nakes,2,2024,1"))));
        Assert.Equal((3, "csv-nul"), (Error(problem, 0).Row, Error(problem, 0).Code));
    }

    [Fact]
    public async Task A_field_over_the_length_limit_is_refused_with_the_limit_and_not_checked_further()
    {
        var problem = await RefusedAsync(Bytes(Encoding.UTF8.GetBytes(Csv.Lines(FormationHeader, Formation(1),
            $"LIM-2,{new string('p', 51)},DINKES,Dinas Kesehatan,nakes,2,2024,1"))));
        Assert.Equal(1, problem.GetProperty("errorCount").GetInt32());
        Assert.Equal((3, "jabatan", "csv-field-too-long", "The value has 51 characters; a field may have at most 50."), Error(problem, 0));
    }

    [Fact]
    public async Task A_file_over_the_row_limit_is_refused_with_the_limit()
    {
        var problem = await RefusedAsync(Bytes(Encoding.UTF8.GetBytes(Csv.Lines([FormationHeader, .. Enumerable.Range(1, 6).Select(Formation)]))));
        Assert.Equal((7, "csv-too-many-rows", "The file has more than 5 data rows; split it into files of at most 5 rows."),
            (Error(problem, 0).Row, Error(problem, 0).Code, Error(problem, 0).Message));
        using var client = host.Client();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/imports/formations", Bytes(Encoding.UTF8.GetBytes(Csv.Lines([FormationHeader, .. Enumerable.Range(1, 5).Select(Formation)])))))
            .StatusCode);
    }

    [Fact]
    public async Task The_error_list_is_capped_and_says_how_many_problems_there_are_in_all()
    {
        // Four rows, each with three bad values: twelve problems, ten listed.
        var rows = Enumerable.Range(1, 4).Select(i => $"LIM-E{i},,DINKES,Dinas Kesehatan,dosen,nol,2024,1");
        var problem = await RefusedAsync(Bytes(Encoding.UTF8.GetBytes(Csv.Lines([FormationHeader, .. rows]))));
        Assert.Equal(12, problem.GetProperty("errorCount").GetInt32());
        Assert.Equal(10, problem.GetProperty("errors").GetArrayLength());
        Assert.StartsWith("The formations file has 12 problem(s)", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task The_importer_reports_the_same_limits_to_the_host_command()
    {
        var outcome = await host.Service<CsvImporter>().ImportAsync(ImportKinds.Formations,
            Encoding.Latin1.GetBytes(Csv.Lines(FormationHeader, "LIM-9,Perawat Müller,DINKES,Dinas Kesehatan,nakes,2,2024,1")), CancellationToken.None);
        Assert.False(outcome.Succeeded);
        Assert.Equal((2, "csv-not-utf8"), (outcome.Errors[0].Row, outcome.Errors[0].Text.Code));
    }
}

/// <summary>With the default limits, a large file of bad rows is answered briefly (the 4 MB file answered 72 MB).</summary>
public sealed class LargeBadImportTests(DomainTestHost host) : IClassFixture<DomainTestHost>
{
    [Fact]
    public async Task Four_megabytes_of_bad_rows_give_a_short_answer_with_the_total_count()
    {
        var csv = new StringBuilder("no_peserta,nilai_teknis,nilai_manajerial_sosiokultural,nilai_wawancara\n");
        var rows = 0;
        while (csv.Length < 4 * 1024 * 1024)
        {
            csv.Append("TIDAK-ADA-").Append(rows.ToString("D8", System.Globalization.CultureInfo.InvariantCulture)).Append(",500,100,20,catatan-tambahan\n");
            rows++;
        }
        using var client = host.Client();
        var response = await client.PostAsync("/api/imports/scores", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(body.Length < 512 * 1024, $"answer of {body.Length} characters");
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(1_000, problem.GetProperty("errors").GetArrayLength());
        Assert.Equal(2 * rows, problem.GetProperty("errorCount").GetInt32());
        Assert.Equal(new ImportLimits().MaxErrors, problem.GetProperty("errors").GetArrayLength());
    }
}
