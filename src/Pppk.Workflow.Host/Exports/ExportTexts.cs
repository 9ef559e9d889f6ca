using Pppk.Workflow.Engine.Localization;

namespace Pppk.Workflow.Host.Exports;

/// <summary>The exports' problem titles, in English and Indonesian.</summary>
internal static class ExportTexts
{
    public static readonly TextTemplate FormatUnknown = new("export-format-unknown",
        "format must be xlsx or csv.",
        "format harus xlsx atau csv.");
    public static readonly TextTemplate TooManyRows = new("export-too-many-rows",
        "The list has more than {0} rows, the most an export holds. Narrow the filter and export again.",
        "Daftar ini berisi lebih dari {0} baris, batas satu unduhan. Persempit saringan lalu unduh lagi.");
    public static readonly TextTemplate FormationRequired = new("export-formation-required",
        "formationCode is required: the ranking of which formation?",
        "formationCode wajib diisi: peringkat formasi yang mana?");
    public static readonly TextTemplate TypeUnknown = new("export-type-unknown",
        "type must be guru, nakes or teknis.",
        "type harus guru, nakes, atau teknis.");
    public static readonly TextTemplate MonthsInvalid = new("export-months-invalid",
        "months must be between 0 and 60.",
        "months harus antara 0 dan 60.");
    public static readonly TextTemplate StatusUnknown = new("export-status-unknown",
        "status must be one of {0}.",
        "status harus salah satu dari {0}.");
}
