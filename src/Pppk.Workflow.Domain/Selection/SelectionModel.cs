namespace Pppk.Workflow.Domain.Selection;

public enum PositionType { Guru, Nakes, Teknis }

/// <summary>A selection round (year and wave) with its national schedule; its passing thresholds are the <c>ambang-batas-seleksi</c> decision table's.</summary>
public sealed class SelectionRound
{
    public int Id { get; set; }
    public int Year { get; set; }
    public int Wave { get; set; }
    public required string Name { get; set; }
    public DateOnly? RegistrationStart { get; set; }
    public DateOnly? RegistrationEnd { get; set; }
    public DateOnly? AdminResultDate { get; set; }
    public DateOnly? AppealStart { get; set; }
    public DateOnly? AppealEnd { get; set; }
    public DateOnly? AppealAnswerBy { get; set; }
    public DateOnly? CatStart { get; set; }
    public DateOnly? CatEnd { get; set; }
    public DateOnly? AnnouncementStart { get; set; }
    public DateOnly? AnnouncementEnd { get; set; }
}

/// <summary>A formation (formasi): a position in a unit with a quota, in a round.</summary>
public sealed class Formation
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Position { get; set; }
    public required string UnitCode { get; set; }
    public required string UnitName { get; set; }
    public PositionType Type { get; set; }
    public int Quota { get; set; }
    public int RoundId { get; set; }
}

/// <summary>
/// Priority categories of the national rules, in ranking order: 1 = former THK-II, 2 = non-ASN in the national
/// database, 3 = non-ASN active in the agency, 4 = general applicant. Lower ranks first.
/// </summary>
public sealed class Applicant
{
    public int Id { get; set; }
    public required string RegistrationNumber { get; set; }
    public required string Nik { get; set; }
    public required string Name { get; set; }
    public string? Email { get; set; }
    public DateOnly BirthDate { get; set; }
    public int PriorityCategory { get; set; }
    public required string FormationCode { get; set; }

    /// <summary>registered, ms, tms, appeal, scored, passed, not-passed.</summary>
    public string Status { get; set; } = "registered";

    /// <summary>MS (memenuhi syarat) or TMS (tidak memenuhi syarat), with the reason for TMS.</summary>
    public string? AdminVerdict { get; set; }
    public string? AdminReason { get; set; }
    public string? VerifiedBy { get; set; }
    public DateTimeOffset? VerifiedAt { get; set; }

    /// <summary>End of the appeal window the TMS notice gave (shown to hr-admin; the workflow's timer closes it).</summary>
    public DateTimeOffset? AppealWindowEndsAt { get; set; }

    /// <summary>When a TMS became final (window closed without an appeal, or the appeal rejected); null while it can still change.</summary>
    public DateTimeOffset? FinalIneligibleAt { get; set; }
}

/// <summary>A sanggah: the applicant's appeal of a TMS verdict, recorded when it arrives (<see cref="Accepted"/> null: pending), and its answer.</summary>
public sealed class Appeal
{
    public int Id { get; set; }
    public int ApplicantId { get; set; }
    public required string Reason { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public bool? Accepted { get; set; }
    public string? Answer { get; set; }
    public string? AnsweredBy { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
}

/// <summary>CAT scores: technical (max 450), managerial + socio-cultural (max 180), interview (max 40).</summary>
public sealed class CatScore
{
    public int ApplicantId { get; set; }
    public int Technical { get; set; }
    public int ManagerialSocioCultural { get; set; }
    public int Interview { get; set; }
    public int Total => Technical + ManagerialSocioCultural + Interview;
    public DateTimeOffset ImportedAt { get; set; }
}

/// <summary>An applicant's place in the final ranking of their formation, with why they did or did not pass.</summary>
public sealed class RankingResult
{
    public int Id { get; set; }
    public int FormationId { get; set; }
    public int ApplicantId { get; set; }
    public int Rank { get; set; }
    public bool Passed { get; set; }
    public string? Reason { get; set; }
    public DateTimeOffset RankedAt { get; set; }

    /// <summary>The scores this place was ranked with: a corrected score makes the ranking stale (null on rows from before they were kept).</summary>
    public int? Technical { get; set; }
    public int? ManagerialSocioCultural { get; set; }
    public int? Interview { get; set; }
}
