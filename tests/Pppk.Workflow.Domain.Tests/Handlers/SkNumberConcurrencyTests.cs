using Pppk.Workflow.Domain.Employees;
using Npgsql;
using Pppk.Workflow.Domain.Handlers.SkIssuance;
using Pppk.Workflow.Runtime.Jobs;

namespace Pppk.Workflow.Domain.Tests.Handlers;

public sealed class SkNumberConcurrencyTests(DomainDatabase database) : IClassFixture<DomainDatabase>
{
    private static readonly PppkOptions Options = new() { SkNumberPattern = "{seq}/BKPSDM/{year}", SkSequenceDigits = 3 };

    /// <summary>The unit of work a step would hand the handler, on the test's own transaction.</summary>
    private static StepUnitOfWork Step(NpgsqlConnection connection, NpgsqlTransaction transaction) =>
        new(connection, transaction, new StepDbContexts([]), (_, _, _) => { }, Guid.NewGuid().ToString("N"));

    private async Task<int> EmployeeAsync(string nik)
    {
        await using var db = database.Context();
        var e = new Employee { Nik = nik, Name = "Pegawai " + nik, UnitCode = "BKPSDM", Grade = 9 };
        db.Employees.Add(e);
        await db.SaveChangesAsync();
        return e.Id;
    }

    [Fact]
    public async Task Twenty_concurrent_requests_get_unique_gapless_numbers_and_a_rolled_back_one_gives_its_number_back()
    {
        var employee = await EmployeeAsync("6402000000000001");
        var date = new DateOnly(2031, 6, 1);

        // One request rolls back: its number must be reused, or the year's sequence would have a gap.
        await using (var conn = await database.DataSource.OpenConnectionAsync())
        await using (var tx = await conn.BeginTransactionAsync())
        {
            var (_, number) = await NumberSkHandler.IssueAsync(Step(conn, tx), Options, employee, "pengangkatan", date, "Bupati", CancellationToken.None);
            Assert.Equal("001/BKPSDM/2031", number);
            await tx.RollbackAsync();
        }

        var numbers = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            await using var conn = await database.DataSource.OpenConnectionAsync();
            await using var tx = await conn.BeginTransactionAsync();
            var (_, number) = await NumberSkHandler.IssueAsync(Step(conn, tx), Options, employee, "pengangkatan", date, "Bupati", CancellationToken.None);
            await Task.Delay(Random.Shared.Next(0, 20)); // hold the sequence row a little, as a real step would
            await tx.CommitAsync();
            return number;
        }));

        var expected = Enumerable.Range(1, 20).Select(i => $"{i:000}/BKPSDM/2031").ToHashSet();
        Assert.Equal(expected, numbers.ToHashSet());
        await using var db = database.Context();
        Assert.Equal(20, db.Sks.Count(s => s.Number.EndsWith("/2031")));
    }

    [Fact]
    public async Task Each_year_has_its_own_sequence()
    {
        var employee = await EmployeeAsync("6402000000000002");
        await using var conn = await database.DataSource.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        var (_, a) = await NumberSkHandler.IssueAsync(Step(conn, tx), Options, employee, "pengangkatan", new DateOnly(2040, 1, 2), "Bupati", CancellationToken.None);
        var (_, b) = await NumberSkHandler.IssueAsync(Step(conn, tx), Options, employee, "perpanjangan", new DateOnly(2041, 1, 2), "Bupati", CancellationToken.None);
        await tx.CommitAsync();
        Assert.Equal("001/BKPSDM/2040", a);
        Assert.Equal("001/BKPSDM/2041", b);
    }
}
