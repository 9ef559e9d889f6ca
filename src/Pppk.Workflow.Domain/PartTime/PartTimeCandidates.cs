using System.Globalization;

namespace Pppk.Workflow.Domain.PartTime;

/// <summary>An applicant's place in their formation's final ranking, as the part-time rule reads it.</summary>
public sealed record RankedApplicant(string RegistrationNumber, int PriorityCategory, int Rank, bool Passed, int RankedCount, int Quota);

/// <summary>
/// Who may be proposed as PPPK paruh waktu: honorer in the national (BKN) database, priority categories 1 (former THK-II)
/// and 2 (non-ASN in the database), who were ranked in their formation and did not pass. Applicants of categories 3-4,
/// those who passed, and those never ranked (TMS, no scores) are not candidates.
/// </summary>
public static class PartTimeCandidates
{
    public static readonly IReadOnlyList<int> Categories = [1, 2];

    public static bool IsCandidate(RankedApplicant a) => !a.Passed && Categories.Contains(a.PriorityCategory);

    /// <summary>Why the applicant is a candidate, in the words of the ranking's own reasons; null when they are not one.</summary>
    public static string? Reason(RankedApplicant a) => IsCandidate(a)
        ? string.Create(CultureInfo.InvariantCulture, $"{CategoryName(a.PriorityCategory)} (kategori {a.PriorityCategory}), peringkat {a.Rank} dari {a.RankedCount}, tidak lulus (kuota {a.Quota})")
        : null;

    public static string CategoryName(int category) => category switch
    {
        1 => "Eks THK-II",
        2 => "Non-ASN terdata di pangkalan data BKN",
        3 => "Non-ASN aktif di instansi",
        _ => "Pelamar umum",
    };
}
