namespace Pppk.Workflow.Benchmarks;

/// <summary>One benchmark; the runner finds every implementation by reflection, so adding one touches no other file.</summary>
public interface IBenchmark
{
    /// <summary>The name given on the command line (e.g. "feel").</summary>
    string Name { get; }

    string Description { get; }

    Task RunAsync(string[] args, CancellationToken cancellationToken);
}
