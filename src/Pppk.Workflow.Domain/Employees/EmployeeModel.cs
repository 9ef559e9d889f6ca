namespace Pppk.Workflow.Domain.Employees;

/// <summary>A PPPK employee. <see cref="NiPppk"/> (the national id number from BKN) arrives after the proposal.</summary>
public sealed class Employee
{
    public int Id { get; set; }
    public string? NiPppk { get; set; }
    public required string Nik { get; set; }
    public required string Name { get; set; }
    public string? Email { get; set; }
    public DateOnly? BirthDate { get; set; }
    public required string UnitCode { get; set; }
    public string? Position { get; set; }

    /// <summary>Salary grade I-XVII as 1-17.</summary>
    public int Grade { get; set; }

    /// <summary>Years of service counted for the salary scale at the start of the current contract.</summary>
    public int ServiceYears { get; set; }

    /// <summary>User name of the direct superior (pejabat penilai kinerja).</summary>
    public string? EvaluatorUserName { get; set; }

    /// <summary>The applicant this employee was appointed from, when selected through the system.</summary>
    public int? ApplicantId { get; set; }
}

/// <summary>A decree (surat keputusan): appointment or extension, numbered from the configured pattern, signed by the PPK.</summary>
public sealed class Sk
{
    public int Id { get; set; }
    public int EmployeeId { get; set; }
    public required string Number { get; set; }
    public DateOnly Date { get; set; }
    public required string Signer { get; set; }

    /// <summary>pengangkatan (appointment) or perpanjangan (extension).</summary>
    public required string Kind { get; set; }

    /// <summary>Extensions: when the copy for BKN was noted.</summary>
    public DateTimeOffset? BknCopyNotedAt { get; set; }
}

/// <summary>A work agreement (perjanjian kerja). TMT (start of the term), end date and SPMT (duty started) are kept apart from the SK date.</summary>
public sealed class Contract
{
    public int Id { get; set; }
    public int EmployeeId { get; set; }

    /// <summary>
    /// The employee's unit, copied by the database (triggers of migration <c>Issue21CountKeys</c>: set from the employee on
    /// every insert and every change of the contract's employee, rewritten when the employee moves), never written by
    /// code: it lets a unit's contracts be counted on an index of the contracts alone.
    /// </summary>
    public string UnitCode { get; set; } = "";
    public int? SkId { get; set; }
    public DateOnly Tmt { get; set; }
    public DateOnly End { get; set; }
    public int Years { get; set; }
    public DateOnly? SpmtDate { get; set; }

    /// <summary>active, renewed (followed by a new contract), ended (not renewed; honourable end at its end date).</summary>
    public string Status { get; set; } = "active";
    public DateTimeOffset? NoticeSentAt { get; set; }

    /// <summary>PPPK paruh waktu: appointed part-time from the honorer who did not pass (KepmenPANRB 16/2025); renewed by <c>Pppk:PartTime</c>.</summary>
    public bool PartTime { get; set; }

    /// <summary>Part-time only: the agreed working hours per week.</summary>
    public int? WeeklyHours { get; set; }

    /// <summary>Part-time only: what the pay is based on (a code of <c>Pppk:PartTime:PayBases</c>, e.g. upah-non-asn, ump).</summary>
    public string? PayBasis { get; set; }
}

public static class Predicates
{
    public const string SangatBaik = "Sangat Baik";
    public const string Baik = "Baik";
    public const string ButuhPerbaikan = "Butuh Perbaikan";
    public const string Kurang = "Kurang";
    public const string SangatKurang = "Sangat Kurang";

    /// <summary>Best first.</summary>
    public static readonly IReadOnlyList<string> All = [SangatBaik, Baik, ButuhPerbaikan, Kurang, SangatKurang];

    public static bool IsKnown(string p) => All.Contains(p);

    public static bool IsPoor(string p) => p is Kurang or SangatKurang;
}

/// <summary>A performance evaluation of one period (quarterly monitoring or the annual evaluation).</summary>
public sealed class Evaluation
{
    public int Id { get; set; }
    public int EmployeeId { get; set; }
    public int Year { get; set; }

    /// <summary>Q1..Q4 or annual.</summary>
    public required string Period { get; set; }
    public required string Predicate { get; set; }
    public string? EvaluatorUserName { get; set; }
    public string? Notes { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}
