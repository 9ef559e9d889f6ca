using Npgsql;
using Pppk.Workflow.Testing;

namespace Pppk.Workflow.Runtime.Tests.Database;

/// <summary>
/// The shipped data source keeps its pooled connections usable after PostgreSQL refuses a statement. With Npgsql's
/// automatic preparation a refusal in the round trip that prepares a statement left it prepared without its result
/// columns; the next run of the same text on that connection read a row it had no columns for ("unexpected backend
/// message DataRow"). Here one statement is refused and run again and again on a one-connection pool.
/// </summary>
public sealed class ConnectionReuseTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task A_refused_statement_leaves_the_pooled_connection_and_the_same_statement_working()
    {
        // The shipped settings on a pool of one connection, so every run takes the same connection.
        var builder = Extensions.DataSourceBuilder(database.ConnectionString);
        builder.ConnectionStringBuilder.MaxPoolSize = 1;
        await using var db = builder.Build();
        await using (var create = db.CreateCommand("CREATE TABLE IF NOT EXISTS public.reuse_probe (code varchar(5) PRIMARY KEY)"))
            await create.ExecuteNonQueryAsync();

        var refused = 0;
        for (var i = 0; i < 12; i++)
        {
            // Every third value is too long for the column: PostgreSQL refuses it in the round trip that runs it.
            var code = i % 3 == 1 ? $"too-long-{i}" : $"c{i}";
            await using var insert = db.CreateCommand("INSERT INTO public.reuse_probe (code) VALUES (@code) RETURNING code");
            insert.Parameters.AddWithValue("code", code);
            try
            {
                Assert.Equal(code, await insert.ExecuteScalarAsync());
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.StringDataRightTruncation)
            {
                refused++;
            }
        }
        Assert.Equal(4, refused);
        await using var count = db.CreateCommand("SELECT count(*) FROM public.reuse_probe");
        Assert.Equal(8L, await count.ExecuteScalarAsync());
    }
}
