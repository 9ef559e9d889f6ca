namespace Pppk.Workflow.Domain.Imports;

/// <summary>
/// The <c>Limits:Imports</c> section: how much one CSV file may hold. Past a limit the file is refused with the limit in
/// the message; the file's size in bytes is the host's <c>Limits:ImportBodyBytes</c>.
/// </summary>
public sealed class ImportLimits
{
    public const string Section = "Limits:Imports";

    /// <summary>Data rows in one file (Kukar's largest export, applicants, has about 7,000).</summary>
    public int MaxRows { get; set; } = 100_000;

    /// <summary>Characters in one field (the longest real values, names and positions, have about 150).</summary>
    public int MaxFieldLength { get; set; } = 1_000;

    /// <summary>Problems listed in the answer; the answer also gives how many there are in all.</summary>
    public int MaxErrors { get; set; } = 1_000;
}

/// <summary>The problems of one file: all counted, the first <c>max</c> kept, so the answer and the memory stay small.</summary>
internal sealed class ImportErrors(int max)
{
    private readonly List<ImportError> _kept = [];

    public int Count { get; private set; }

    public IReadOnlyList<ImportError> Kept => _kept;

    public void Add(ImportError error)
    {
        Count++;
        if (_kept.Count < max) _kept.Add(error);
    }
}
