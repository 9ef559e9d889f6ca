using Npgsql;
using Pppk.Workflow.Host.Commands;
using Pppk.Workflow.Testing;

namespace Pppk.Workflow.Domain.Tests;

/// <summary>The host commands <c>import</c> and <c>seed demo</c> on a fresh database, as run from the command line.</summary>
public sealed class HostCommandsTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("pppk-commands-").FullName;
    private readonly TestDatabase _database = new();

    // Each test gets its own empty database: seed demo only loads into a database without formations.
    public Task InitializeAsync() => _database.InitializeAsync();

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    private async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        string[] config =
        [
            $"--ConnectionStrings:Pppk={_database.ConnectionString}", "--Serilog:MinimumLevel:Default=Warning",
            "--Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore=Fatal", $"--Serilog:WriteTo:1:Args:path={TestHost.LogPath}",
            $"--Seed:UsersFile={Path.Combine(_dir, "demo-users.txt")}", $"--Auth:Admin:Password={TestHost.AdminPassword}",
        ];
        var code = await HostCommands.RunAsync([.. args, .. config], output);
        return (code, output.ToString());
    }

    private async Task<long> CountAsync(string table)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM pppk.{table}", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task Seed_demo_fills_an_empty_database_and_running_it_again_adds_nothing()
    {
        var (code, output) = await RunAsync("seed", "demo");
        Assert.True(code == 0, output);
        Assert.Contains("Database: 59 units, 600 formations (quota 5776), 6766 applicants, 5143 employees, 5143 contracts, 51430 evaluations.", output);
        var users = await File.ReadAllLinesAsync(Path.Combine(_dir, "demo-users.txt"));
        Assert.StartsWith("password: Demo-", users[0]);
        Assert.Contains(users, l => l.StartsWith("demo.finance\tfinance", StringComparison.Ordinal));
        Assert.Contains(users, l => l.StartsWith("kepala.rsud-amp\tunit-head\tRSUD-AMP", StringComparison.Ordinal));
        // demo.employee is an employee of the dataset with an active contract, in that employee's unit, shared by the demo unit roles.
        await using (var connection = new NpgsqlConnection(_database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("""
                SELECT u.user_name, u.unit_code, e.unit_code, (SELECT count(*) FROM pppk.contracts c WHERE c.employee_id = e.id AND c.status = 'active')
                FROM pppk.users u LEFT JOIN pppk.employees e ON e.nik = u.employee_nik
                WHERE u.user_name IN ('demo.employee', 'demo.unit-head', 'demo.evaluator') ORDER BY u.user_name
                """, connection);
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<(string User, string? Unit, string? EmployeeUnit, long Active)>();
            while (await reader.ReadAsync())
                rows.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetInt64(3)));
            var employee = rows.Single(r => r.User == "demo.employee");
            Assert.Equal((1L, employee.EmployeeUnit), (employee.Active, employee.Unit));
            Assert.NotNull(employee.Unit);
            Assert.All(rows, r => Assert.Equal(employee.Unit, r.Unit));
            Assert.Equal(3, rows.Count);
            Assert.Contains(users, l => l == $"demo.unit-head\tunit-head\t{employee.Unit}");
        }

        var (again, secondOutput) = await RunAsync("seed", "demo");
        Assert.Equal(0, again);
        Assert.Contains("already has formations", secondOutput);
        Assert.Contains("Demo users: 0 created", secondOutput);
        Assert.Equal(users[0], (await File.ReadAllLinesAsync(Path.Combine(_dir, "demo-users.txt")))[0]);
        Assert.Equal(5143, await CountAsync("employees"));
        Assert.Equal(6766, await CountAsync("applicants"));
    }

    [Fact]
    public async Task Import_prints_the_counts_or_every_bad_row_and_exits_1()
    {
        var good = Path.Combine(_dir, "formasi.csv");
        await File.WriteAllTextAsync(good, "kode_formasi,jabatan,kode_unit,nama_unit,jenis,kuota,tahun,tahap\nCMD-1,Perawat,UCMD,Unit Cmd,nakes,2,2024,1\n");
        var (code, output) = await RunAsync("import", "formations", good);
        Assert.True(code == 0, output);
        Assert.Contains("Imported 1 formations from formasi.csv: 1 new, 0 updated.", output);

        var bad = Path.Combine(_dir, "peserta.csv");
        await File.WriteAllTextAsync(bad, "no_peserta,nik,nama,email,tanggal_lahir,kode_formasi,kategori_prioritas\nCMD-A,123,Ani,ani@example.org,1990-01-01,CMD-9,1\n");
        (code, output) = await RunAsync("import", "applicants", bad);
        Assert.Equal(1, code);
        Assert.Contains("2 problem(s); nothing was imported", output);
        Assert.Contains("row 2, column nik: NIK '123' must be exactly 16 digits", output);
        Assert.Contains("row 2, column kode_formasi: Unknown formation code 'CMD-9'", output);

        Assert.Equal(1, (await RunAsync("import", "gaji", good)).Code);
        Assert.Equal(1, (await RunAsync("import", "applicants", Path.Combine(_dir, "missing.csv"))).Code);
    }

    [Fact]
    public async Task Seed_csv_writes_files_that_the_import_command_loads_in_order()
    {
        var files = Path.Combine(_dir, "csv");
        var (code, output) = await RunAsync("seed", "csv", files, "--Seed:RandomSeed=5");
        Assert.True(code == 0, output);
        foreach (var kind in new[] { "formations", "applicants", "scores", "employees" })
        {
            (code, output) = await RunAsync("import", kind, Path.Combine(files, $"{kind}.csv"));
            Assert.True(code == 0, output);
        }
        Assert.Contains("Imported 5143 employees from employees.csv: 5143 new, 0 updated.", output);
        Assert.Equal((59, 600, 6766, 6766, 5143), (await CountAsync("units"), await CountAsync("formations"), await CountAsync("applicants"),
            await CountAsync("cat_scores"), await CountAsync("contracts")));
    }
}
