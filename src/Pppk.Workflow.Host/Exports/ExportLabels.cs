namespace Pppk.Workflow.Host.Exports;

/// <summary>The Indonesian words an export writes for codes, as the screens show them (src/Pppk.Workflow.Web/src/format.js, pppk/common.js).</summary>
internal static class ExportLabels
{
    private static readonly Dictionary<string, string> Statuses = new(StringComparer.OrdinalIgnoreCase)
    {
        ["active"] = "Aktif", ["completed"] = "Selesai", ["terminated"] = "Dihentikan", ["cancelled"] = "Dibatalkan", ["open"] = "Terbuka",
    };

    private static readonly Dictionary<string, string> ApplicantStatuses = new(StringComparer.OrdinalIgnoreCase)
    {
        ["registered"] = "Terdaftar", ["ms"] = "Memenuhi syarat (MS)", ["tms"] = "Tidak memenuhi syarat (TMS)", ["scored"] = "Sudah dinilai",
        ["passed"] = "Lulus", ["not-passed"] = "Tidak lulus", ["failed"] = "Tidak lulus", ["appointed"] = "Diangkat",
    };

    private static readonly Dictionary<string, string> PositionTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["guru"] = "Guru", ["nakes"] = "Tenaga kesehatan", ["teknis"] = "Teknis",
    };

    public static string Status(string status) => Statuses.GetValueOrDefault(status, status);

    public static string ApplicantStatus(string status) => ApplicantStatuses.GetValueOrDefault(status, status);

    public static string PositionType(string type) => PositionTypes.GetValueOrDefault(type, type);

    public static string YesNo(bool value) => value ? "Ya" : "Tidak";

    public static string? Named(IReadOnlyDictionary<string, string> names, string? code) => code is null ? null : names.GetValueOrDefault(code, code);
}
