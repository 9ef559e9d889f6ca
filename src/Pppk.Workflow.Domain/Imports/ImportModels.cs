using Pppk.Workflow.Engine.Localization;

namespace Pppk.Workflow.Domain.Imports;

/// <summary>
/// One problem in a CSV file. <see cref="Row"/> is the line of the file as a spreadsheet shows it (the header is row 1).
/// <see cref="Text"/> has the code (<see cref="ImportTexts"/>) and renders in English (<see cref="Message"/>) or Indonesian.
/// </summary>
public sealed record ImportError(int Row, string Column, LocalizedText Text)
{
    public string Message => Text.ToString();
}

/// <summary>What a successful import wrote: <see cref="Rows"/> data rows, of which <see cref="Inserted"/> were new and <see cref="Updated"/> replaced existing records.</summary>
public sealed record ImportResult(string Kind, int Rows, int Inserted, int Updated);

/// <summary>
/// Either the result of a committed import or the problems found in the file (then nothing was written): the first
/// <see cref="ImportLimits.MaxErrors"/> in <see cref="Errors"/>, and how many there are in all in <see cref="ErrorCount"/>.
/// </summary>
public sealed record ImportOutcome(ImportResult? Result, IReadOnlyList<ImportError> Errors)
{
    public bool Succeeded => Result is not null;

    public int ErrorCount { get; init; } = Errors.Count;

    public static ImportOutcome Failed(IReadOnlyList<ImportError> errors) => new(null, errors);

    internal static ImportOutcome Failed(ImportErrors errors) => new(null, errors.Kept) { ErrorCount = errors.Count };
}

/// <summary>The file kinds the importer knows, named as in the URL and the host command.</summary>
public static class ImportKinds
{
    public const string Formations = "formations";
    public const string Applicants = "applicants";
    public const string Scores = "scores";
    public const string Employees = "employees";
    public const string Rounds = "rounds";
    /// <summary>A former kind: thresholds are the <c>ambang-batas-seleksi</c> decision table's now; asked for, it answers <see cref="ImportTexts.ThresholdsMoved"/>.</summary>
    public const string Thresholds = "thresholds";
    public const string FiscalSettings = "fiscal-settings";
    public const string Budgets = "budgets";
    public const string Evaluations = "evaluations";

    /// <summary>The national portal's exports, in the order a fresh region imports them (each refers to the ones before).</summary>
    public static readonly IReadOnlyList<string> Portal = [Formations, Applicants, Scores, Employees];

    /// <summary>Every kind: the agency's rounds first (formations refer to rounds), evaluations after employees.</summary>
    public static readonly IReadOnlyList<string> All = [Rounds, .. Portal, FiscalSettings, Budgets, Evaluations];

    /// <summary>The kinds the finance office (BPKAD) may import as well as hr-admin.</summary>
    public static readonly IReadOnlyList<string> Fiscal = [FiscalSettings, Budgets];

    public static bool IsKnown(string kind) => All.Contains(kind, StringComparer.Ordinal);
}
