using Pppk.Workflow.Engine.Localization;

namespace Pppk.Workflow.Domain.Api;

/// <summary>The part-time (paruh waktu) API's problem titles, by code, in English and Indonesian.</summary>
internal static class PartTimeTexts
{
    public static readonly TextTemplate FormationRequired = new("part-time-formation-required",
        "formationCode is required: proposals are started for the candidates of one formation.",
        "formationCode wajib diisi: usulan dimulai untuk calon dari satu formasi.");
    public static readonly TextTemplate FormationUnknown = new("part-time-formation-unknown",
        "No formation with code '{0}'.",
        "Tidak ada formasi dengan kode '{0}'.");
    public static readonly TextTemplate FormationNotRanked = new("part-time-formation-not-ranked",
        "Formation '{0}' has no final ranking yet; part-time candidates are known once it is ranked.",
        "Formasi '{0}' belum memiliki peringkat akhir; calon PPPK paruh waktu baru diketahui setelah formasi diperingkat.");
    public static readonly TextTemplate NotCandidates = new("part-time-not-candidates",
        "Not part-time candidates of formation '{0}' (only ranked applicants of categories 1-2 who did not pass and are not yet employees are): {1}.",
        "Bukan calon PPPK paruh waktu dari formasi '{0}' (hanya pelamar kategori 1-2 yang diperingkat, tidak lulus, dan belum menjadi pegawai): {1}.");
}
