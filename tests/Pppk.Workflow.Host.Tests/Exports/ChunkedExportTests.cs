using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;
using Pppk.Workflow.Testing;
using static Pppk.Workflow.Testing.XlsxSheet;

namespace Pppk.Workflow.Host.Tests.Exports;

/// <summary>The host of <see cref="ChunkedExportTests"/>: exports read 100 rows a chunk.</summary>
public sealed class ChunkedExportHost : TestHost
{
    public const int ChunkRows = 100;

    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Exports:PageRows"] = ChunkRows.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return settings;
    }
}

/// <summary>
/// Issue 21, exports by keyset: a list of 1,234 employees (seeded by SQL) whose names repeat across chunk boundaries
/// (seven names, so every chunk of 100 ends inside a run of one name, which only the id tells apart) exports as CSV and
/// xlsx with every employee exactly once, read 100 rows a chunk after the last one's name and id.
/// </summary>
public sealed class ChunkedExportTests(ChunkedExportHost host) : IClassFixture<ChunkedExportHost>
{
    private const string Unit = "CHK-A";
    private const int Employees = 1_234;

    private static Task? _seeded;
    private static readonly Lock SeedLock = new();

    private Task SeedAsync()
    {
        lock (SeedLock) return _seeded ??= SeedOnceAsync();
    }

    private async Task SeedOnceAsync()
    {
        await using var db = NpgsqlDataSource.Create(host.ConnectionString);
        await using var seed = db.CreateCommand($"""
            INSERT INTO pppk.units (code, name) VALUES ('{Unit}', 'Dinas Uji Potongan');
            INSERT INTO pppk.employees (id, nik, name, unit_code, grade, service_years)
              SELECT 700000 + g, '6498' || lpad(g::text, 12, '0'), 'Pegawai Kembar ' || (g % 7), '{Unit}', 7, 1 FROM generate_series(1, {Employees}) g;
            """);
        await seed.ExecuteNonQueryAsync();
    }

    private static IEnumerable<string> ExpectedNiks() => Enumerable.Range(1, Employees).Select(g => $"6498{g:D12}");

    [Fact]
    public async Task A_csv_export_of_many_chunks_holds_every_row_exactly_once()
    {
        await SeedAsync();
        using var api = host.Client();
        Assert.Equal(Employees, (await api.GetFromJsonAsync<JsonElement>($"/api/employees?unitCode={Unit}")).GetProperty("total").GetInt32());

        var response = await api.GetAsync($"/api/exports/employees?format=csv&unitCode={Unit}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var niks = lines.Skip(1).Select(l => l.Split(';')[2]).ToList();
        Assert.Equal(Employees, niks.Count);
        Assert.Equal(ExpectedNiks().Order(), niks.Order());
        // In the list's order: by name (then id).
        var names = lines.Skip(1).Select(l => l.Split(';')[0]).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
    }

    [Fact]
    public async Task An_xlsx_export_of_many_chunks_holds_every_row_exactly_once()
    {
        await SeedAsync();
        using var api = host.Client();
        var sheet = Read(await api.GetByteArrayAsync($"/api/exports/employees?format=xlsx&unitCode={Unit}"));
        var niks = sheet.Rows.Skip(1).Select(r => r[2].Text).ToList();
        Assert.Equal(ExpectedNiks().Order(), niks.Order());
    }
}
