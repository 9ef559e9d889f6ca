using Pppk.Workflow.Domain.Seeding;

namespace Pppk.Workflow.Domain.Tests;

/// <summary>The host with the whole synthetic Kukar dataset loaded (through the importer), "today" as the dataset's reference date.</summary>
public sealed class SeededHost : DomainTestHost
{
    // Today in Kukar (WITA), as the API counts it: from 16:00 UTC on, that is already tomorrow's date in UTC terms.
    public static readonly DateOnly Today =
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Makassar")).DateTime);

    public KukarDataset Dataset { get; private set; } = null!;
    public IReadOnlyList<LoadStep> FirstLoad { get; private set; } = [];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var salaries = SalaryScale.Load();
        Dataset = KukarDataset.Generate(new KukarDatasetOptions { Seed = 11, ReferenceDate = Today }, salaries);
        FirstLoad = await Service<DatasetLoader>().LoadAsync(Dataset, salaries, CancellationToken.None);
    }
}
