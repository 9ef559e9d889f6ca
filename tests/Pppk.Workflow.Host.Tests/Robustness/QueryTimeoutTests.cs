using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Pppk.Workflow.Testing;

namespace Pppk.Workflow.Host.Tests.Robustness;

/// <summary>
/// The usual host (it migrated the database), and beside it a web host on the same database whose connections give up on
/// a statement after 2 s (<c>Command Timeout=2</c>): the list a test makes slow is its to answer.
/// </summary>
public sealed class QueryTimeoutHost : TestHost
{
    public RunningHost Impatient { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var settings = Settings();
        settings["Host:Roles"] = "web";
        settings["ConnectionStrings:Pppk"] = ConnectionString + ";Command Timeout=2";
        Impatient = await PppkHost.StartAsync([], settings);
    }

    public override async Task DisposeAsync()
    {
        await Impatient.DisposeAsync();
        await base.DisposeAsync();
    }
}

/// <summary>
/// A statement stopped for running too long is its own answer, 503 <c>query-timeout</c> with <c>Retry-After</c>, not
/// <c>database-unavailable</c> (the database is there; <see cref="DatabaseOutageTests"/> keeps that one for a database
/// that is gone). The case list is made slow by a lock on its table held by another session.
/// </summary>
public sealed class QueryTimeoutTests(QueryTimeoutHost fixture) : IClassFixture<QueryTimeoutHost>
{
    [Fact]
    public async Task A_list_past_the_command_timeout_is_503_query_timeout_and_the_next_call_is_served()
    {
        using var client = Client();
        await using (await LockInstancesAsync())
        {
            var answer = await client.GetAsync("/api/instances");
            await AssertQueryTimeoutAsync(answer);
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/instances")).StatusCode);
    }

    [Fact]
    public async Task A_statement_ended_by_PostgreSQLs_statement_timeout_is_503_query_timeout_in_Indonesian()
    {
        var database = new NpgsqlConnectionStringBuilder(fixture.ConnectionString).Database;
        var pool = fixture.Impatient.Services.GetRequiredService<NpgsqlDataSource>();
        await ExecuteAsync($"ALTER DATABASE \"{database}\" SET statement_timeout = '300ms'");
        pool.Clear(); // new sessions read the database's setting
        try
        {
            using var client = Client();
            await using (await LockInstancesAsync())
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "/api/instances");
                request.Headers.AcceptLanguage.ParseAdd("id");
                var answer = await client.SendAsync(request);
                var problem = await AssertQueryTimeoutAsync(answer);
                Assert.StartsWith("Permintaan terlalu lama diproses", (string?)problem["title"]);
            }
        }
        finally
        {
            await ExecuteAsync($"ALTER DATABASE \"{database}\" RESET statement_timeout");
            pool.Clear();
        }
    }

    private static async Task<JsonObject> AssertQueryTimeoutAsync(HttpResponseMessage answer)
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.StatusCode);
        Assert.Equal("5", answer.Headers.GetValues("Retry-After").Single());
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        var problem = (await answer.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("query-timeout", (string?)problem["code"]);
        return problem;
    }

    private HttpClient Client()
    {
        var client = new HttpClient { BaseAddress = fixture.Impatient.Url, Timeout = TimeSpan.FromMinutes(1) };
        client.DefaultRequestHeaders.Add("X-Api-Key", TestHost.BootstrapKey);
        return client;
    }

    /// <summary>Another session holds the instances table until the returned connection closes (its transaction rolls back): the list waits on it.</summary>
    private async Task<NpgsqlConnection> LockInstancesAsync()
    {
        var connection = new NpgsqlConnection(fixture.ConnectionString + ";Pooling=false"); // closing ends the session
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("BEGIN; LOCK TABLE pppk.instances IN ACCESS EXCLUSIVE MODE", connection);
        await command.ExecuteNonQueryAsync();
        return connection;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
