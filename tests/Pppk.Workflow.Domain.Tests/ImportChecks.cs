using Microsoft.Extensions.DependencyInjection;
using Pppk.Workflow.Domain.Data;
using Pppk.Workflow.Domain.Imports;

namespace Pppk.Workflow.Domain.Tests;

/// <summary>Imports straight through the <see cref="CsvImporter"/> of a test host, expecting the file to be refused or written, and reads the result back.</summary>
internal static class ImportChecks
{
    public static async Task<IReadOnlyList<ImportError>> ImportFailsAsync(this DomainTestHost host, string kind, string csv)
    {
        var outcome = await host.Service<CsvImporter>().ImportAsync(kind, csv, CancellationToken.None);
        Assert.False(outcome.Succeeded, "the file should have been refused");
        return outcome.Errors;
    }

    public static async Task<ImportResult> ImportSucceedsAsync(this DomainTestHost host, string kind, string csv)
    {
        var outcome = await host.Service<CsvImporter>().ImportAsync(kind, csv, CancellationToken.None);
        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Errors.Select(e => $"row {e.Row} {e.Column}: {e.Message}")));
        return outcome.Result!;
    }

    public static async Task<T> DomainAsync<T>(this DomainTestHost host, Func<PppkDbContext, Task<T>> query)
    {
        await using var scope = host.Host.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<PppkDbContext>());
    }
}
