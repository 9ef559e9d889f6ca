using System.Globalization;
using Pppk.Workflow.Domain.Employees;

namespace Pppk.Workflow.Domain.Seeding;

/// <summary>
/// Sizes of the synthetic dataset. The defaults are Kutai Kartanegara's (README, "Demo data and imports"): 5,776 formations' quota
/// in about 600 formation codes and 59 units, 6,766 applicants, 5,143 employees in post.
/// </summary>
public sealed record KukarDatasetOptions
{
    public int Seed { get; init; } = 2024;

    /// <summary>"Today" for the dataset: contracts end within 18 months after it, evaluations cover the two years before it.</summary>
    public DateOnly ReferenceDate { get; init; } = new(2026, 1, 1);

    public int Formations { get; init; } = 600;
    public int Quota { get; init; } = 5_776;
    public int Applicants { get; init; } = 6_766;
    public int Employees { get; init; } = 5_143;
    public int SelectionYear { get; init; } = 2024;
    public int SelectionWave { get; init; } = 1;

    /// <summary>Cost of a year of contract: base salary times these months plus allowances (as <see cref="PppkOptions"/>).</summary>
    public int SalaryMonthsPerYear { get; init; } = 14;
    public decimal AllowancePercent { get; init; } = 20m;

    /// <summary>Units whose remaining budget is less than one renewal.</summary>
    public int ShortUnits { get; init; } = 7;
}

public sealed record UnitRow(string Code, string Name, string HeadUserName, IReadOnlyList<string> EvaluatorUserNames);

public sealed record FormationRow(string Code, string Position, string UnitCode, string UnitName, string Type, int Quota, int Year, int Wave);

public sealed record ApplicantRow(string RegistrationNumber, string Nik, string Name, string Email, DateOnly BirthDate, string FormationCode, int PriorityCategory);

public sealed record ScoreRow(string RegistrationNumber, int Technical, int ManagerialSocioCultural, int Interview);

public sealed record EmployeeRow(string NiPppk, string Nik, string Name, string Email, string UnitCode, string Position, int Grade, int ServiceYears,
    string Evaluator, DateOnly Tmt, DateOnly End, string SkNumber, DateOnly SkDate, DateOnly? SpmtDate);

public sealed record EvaluationRow(string Nik, int Year, string Period, string Predicate, string Evaluator, DateTimeOffset RecordedAt);

public sealed record BudgetRow(string UnitCode, int FiscalYear, decimal PersonnelCeiling, decimal Committed);

public sealed record FiscalRow(int FiscalYear, decimal BudgetTotal, decimal PersonnelSpending, decimal CapPercent);

/// <summary>A deterministic synthetic PPPK dataset of Kukar's size: the same options give the same data, row for row.</summary>
public sealed class KukarDataset
{
    public required KukarDatasetOptions Options { get; init; }
    public required IReadOnlyList<UnitRow> Units { get; init; }
    public required IReadOnlyList<FormationRow> Formations { get; init; }
    public required IReadOnlyList<ApplicantRow> Applicants { get; init; }
    public required IReadOnlyList<ScoreRow> Scores { get; init; }
    public required IReadOnlyList<EmployeeRow> Employees { get; init; }
    public required IReadOnlyList<EvaluationRow> Evaluations { get; init; }
    public required IReadOnlyList<BudgetRow> Budgets { get; init; }
    public required IReadOnlyList<FiscalRow> Fiscal { get; init; }

    public static KukarDataset Generate(KukarDatasetOptions options, SalaryScale salaries) => new KukarGenerator(options, salaries).Generate();

    public static string UnitHead(string unitCode) => $"kepala.{unitCode.ToLowerInvariant()}";

    public static string Evaluator(string unitCode, int n) => $"penilai.{unitCode.ToLowerInvariant()}.{n}";
}

internal sealed class KukarGenerator(KukarDatasetOptions o, SalaryScale salaries)
{
    private readonly Random _rng = new(o.Seed);
    private readonly HashSet<string> _niks = [];

    public KukarDataset Generate()
    {
        var units = KukarUnits.All.Select(u => new UnitRow(u.Code, u.Name, KukarDataset.UnitHead(u.Code),
            [.. Enumerable.Range(1, Math.Max(1, u.Weight)).Select(n => KukarDataset.Evaluator(u.Code, n))])).ToList();
        var formations = Formations();
        var (applicants, scores) = Applicants(formations);
        var employees = Employees(units);
        var evaluations = Evaluations(employees);
        var (budgets, fiscal) = Budgets(employees);
        return new KukarDataset
        {
            Options = o, Units = units, Formations = formations, Applicants = applicants, Scores = scores,
            Employees = employees, Evaluations = evaluations, Budgets = budgets, Fiscal = fiscal,
        };
    }

    // Kukar's first 3,870 SKs: 3,230 technical, 441 teachers, 199 health workers.
    private const double TeacherShare = 441.0 / 3870, HealthShare = 199.0 / 3870;

    private List<FormationRow> Formations()
    {
        var teacherQuota = (int)Math.Round(o.Quota * TeacherShare);
        var healthQuota = (int)Math.Round(o.Quota * HealthShare);
        var teacherCount = Math.Max(1, (int)Math.Round(o.Formations * 0.115));
        var healthCount = Math.Max(1, (int)Math.Round(o.Formations * 0.10));
        var technicalCount = o.Formations - teacherCount - healthCount;
        var rows = new List<FormationRow>();
        var seq = new Dictionary<string, int>();
        string Code(string unit) => $"{o.SelectionYear}{o.SelectionWave}-{unit}-{seq[unit] = seq.GetValueOrDefault(unit) + 1:D3}";
        var unitNames = KukarUnits.All.ToDictionary(u => u.Code, u => u.Name);

        void Add(string type, int count, int quota, Func<(string Unit, string Position)> pick)
        {
            var quotas = Split(quota, count);
            for (var i = 0; i < count; i++)
            {
                var (unit, position) = pick();
                rows.Add(new FormationRow(Code(unit), position, unit, unitNames[unit], type, quotas[i], o.SelectionYear, o.SelectionWave));
            }
        }

        Add("guru", teacherCount, teacherQuota, () =>
        {
            var level = _rng.Next(3) == 0 ? "SMPN" : "SDN";
            return (KukarUnits.Education, $"{Pick(KukarUnits.TeacherPositions)} - {level} {_rng.Next(1, 40):D3} {Pick(KukarUnits.Districts)}");
        });
        Add("nakes", healthCount, healthQuota, () =>
        {
            var unit = Pick(KukarUnits.Health);
            var position = Pick(KukarUnits.HealthPositions);
            return (unit, unit == "DINKES" ? $"{position} - Puskesmas {Pick(KukarUnits.Districts)}" : position);
        });
        // Every unit gets at least one formation, so that importing the formations file alone creates all 59 units.
        var withoutFormation = new Queue<string>(KukarUnits.All.Select(u => u.Code).Where(c => !seq.ContainsKey(c)));
        Add("teknis", technicalCount, o.Quota - teacherQuota - healthQuota,
            () => (withoutFormation.TryDequeue(out var unit) ? unit : WeightedUnit(), Pick(KukarUnits.TechnicalPositions)));
        return rows;
    }

    /// <summary>Splits <paramref name="total"/> into <paramref name="count"/> positive parts with a long tail (a few large formations, many small).</summary>
    private int[] Split(int total, int count)
    {
        var weights = Enumerable.Range(0, count).Select(_ => Math.Exp(_rng.NextDouble() * 3)).ToArray();
        var sum = weights.Sum();
        var parts = weights.Select(w => Math.Max(1, (int)(total * w / sum))).ToArray();
        var diff = total - parts.Sum();
        while (diff != 0)
        {
            var i = _rng.Next(count);
            if (diff > 0) { parts[i]++; diff--; }
            else if (parts[i] > 1) { parts[i]--; diff++; }
        }
        return parts;
    }

    private (List<ApplicantRow>, List<ScoreRow>) Applicants(List<FormationRow> formations)
    {
        // Every formation gets at least its quota in applicants when there are enough; the rest go where the quota is large.
        var slots = new List<string>(o.Applicants);
        foreach (var f in formations)
            slots.AddRange(Enumerable.Repeat(f.Code, Math.Min(f.Quota, o.Applicants)));
        if (slots.Count > o.Applicants) slots = slots.Take(o.Applicants).ToList();
        var quotaTotal = formations.Sum(f => f.Quota);
        while (slots.Count < o.Applicants)
        {
            var target = _rng.Next(quotaTotal);
            foreach (var f in formations)
            {
                if ((target -= f.Quota) < 0) { slots.Add(f.Code); break; }
            }
        }
        Shuffle(slots);

        var applicants = new List<ApplicantRow>(o.Applicants);
        var scores = new List<ScoreRow>(o.Applicants);
        for (var i = 0; i < slots.Count; i++)
        {
            var number = $"{o.SelectionYear}6402{i + 1:D8}";
            var birth = new DateOnly(1978, 1, 1).AddDays(_rng.Next(365 * 23));
            var female = _rng.Next(2) == 0;
            var name = Name();
            var category = Weighted([5, 72, 15, 8]) + 1;
            applicants.Add(new ApplicantRow(number, Nik(birth, female), name, Email(name, i), birth, slots[i], category));
            scores.Add(new ScoreRow(number,
                (int)Math.Round(Math.Clamp(Normal(290, 55), 60, 450) / 5) * 5,
                (int)Math.Round(Math.Clamp(Normal(125, 18), 40, 180)),
                (int)Math.Round(Math.Clamp(Normal(28, 5), 8, 40))));
        }
        return (applicants, scores);
    }

    private List<EmployeeRow> Employees(List<UnitRow> units)
    {
        var byCode = units.ToDictionary(u => u.Code);
        var niSeq = new Dictionary<string, int>();
        var skSeq = new Dictionary<int, int>();
        var rows = new List<EmployeeRow>(o.Employees);
        var horizon = o.ReferenceDate.AddMonths(18).DayNumber - o.ReferenceDate.DayNumber;
        for (var i = 0; i < o.Employees; i++)
        {
            var kind = Weighted([441, 199, 3230]);
            var (unit, position, grade) = kind switch
            {
                0 => (KukarUnits.Education, Pick(KukarUnits.TeacherPositions), _rng.Next(10) == 0 ? 10 : 9),
                1 => (Pick(KukarUnits.Health), Pick(KukarUnits.HealthPositions), new[] { 7, 7, 7, 7, 7, 9, 9, 9, 9, 10 }[_rng.Next(10)]),
                _ => (WeightedUnit(), Pick(KukarUnits.TechnicalPositions), new[] { 5, 5, 5, 7, 7, 7, 7, 9, 9, 1, 3, 4, 10, 11 }[_rng.Next(14)]),
            };
            var birth = new DateOnly(1972, 1, 1).AddDays(_rng.Next(365 * 26));
            var female = _rng.Next(2) == 0;
            var end = o.ReferenceDate.AddDays(1 + _rng.Next(horizon));
            var years = end > o.ReferenceDate.AddMonths(12) ? 2 : 1;
            var tmt = end.AddYears(-years).AddDays(1);
            var niPrefix = $"{birth:yyyyMMdd}{tmt:yyyyMM}{(female ? 2 : 1)}";
            var ni = $"{niPrefix}{niSeq[niPrefix] = niSeq.GetValueOrDefault(niPrefix) + 1:D3}";
            var sk = $"800.1.2.2/{skSeq[tmt.Year] = skSeq.GetValueOrDefault(tmt.Year) + 1:D4}/PK/BKPSDM/{tmt.Year}";
            var evaluators = byCode[unit].EvaluatorUserNames;
            var name = Name();
            rows.Add(new EmployeeRow(ni, Nik(birth, female), name, Email(name, 10_000 + i), unit, position, grade,
                Math.Min(33, (int)(Math.Pow(_rng.NextDouble(), 1.6) * 22)), evaluators[_rng.Next(evaluators.Count)],
                tmt, end, sk, tmt.AddDays(-_rng.Next(5, 40)), _rng.Next(100) < 97 ? tmt.AddDays(_rng.Next(0, 15)) : null));
        }
        return rows;
    }

    private List<EvaluationRow> Evaluations(List<EmployeeRow> employees)
    {
        var rows = new List<EvaluationRow>(employees.Count * 10);
        foreach (var e in employees)
        {
            var latent = Weighted([12, 66, 13, 6, 3]);
            for (var year = o.ReferenceDate.Year - 2; year < o.ReferenceDate.Year; year++)
            {
                for (var q = 1; q <= 4; q++)
                {
                    var p = _rng.Next(100) < 75 ? latent : Math.Clamp(latent + (_rng.Next(2) == 0 ? -1 : 1), 0, 4);
                    var recorded = new DateTimeOffset(year, q * 3, 1, 2, 0, 0, TimeSpan.Zero).AddMonths(1).AddDays(_rng.Next(3, 20));
                    rows.Add(new EvaluationRow(e.Nik, year, $"Q{q}", Predicates.All[p], e.Evaluator, recorded));
                }
                var annual = _rng.Next(100) < 85 ? latent : Math.Clamp(latent + (_rng.Next(2) == 0 ? -1 : 1), 0, 4);
                rows.Add(new EvaluationRow(e.Nik, year, "annual", Predicates.All[annual], e.Evaluator,
                    new DateTimeOffset(year + 1, 1, 10 + _rng.Next(15), 2, 0, 0, TimeSpan.Zero)));
            }
        }
        return rows;
    }

    private (List<BudgetRow>, List<FiscalRow>) Budgets(List<EmployeeRow> employees)
    {
        var year = o.ReferenceDate.Year;
        var costs = employees.GroupBy(e => e.UnitCode).ToDictionary(g => g.Key, g => g.Sum(AnnualCost));
        var shortUnits = KukarUnits.All.Select(u => u.Code).Where(costs.ContainsKey).OrderBy(_ => _rng.Next()).Take(o.ShortUnits).ToHashSet();
        var rows = new List<BudgetRow>();
        foreach (var fiscalYear in new[] { year, year + 1 })
        {
            foreach (var (code, _, _) in KukarUnits.All)
            {
                var committed = Math.Round(costs.GetValueOrDefault(code) * (fiscalYear == year ? 1m : 0.5m), 0);
                var perHead = committed == 0 ? 60_000_000m : committed / Math.Max(1, employees.Count(e => e.UnitCode == code));
                // A short unit has less left than one renewal costs; the others keep 5-20% headroom.
                var ceiling = shortUnits.Contains(code)
                    ? committed + Math.Round(perHead * (decimal)(_rng.NextDouble() * 0.4), 0)
                    : Math.Round(committed * (1.05m + (decimal)_rng.NextDouble() * 0.15m) + perHead * 3, 0);
                rows.Add(new BudgetRow(code, fiscalYear, ceiling, committed));
            }
        }
        // Kukar's APBD is about Rp13 trillion; personnel spending a little under the 30% cap.
        var fiscal = new List<FiscalRow>
        {
            new(year, 13_180_000_000_000m, 3_610_000_000_000m, 30m),
            new(year + 1, 12_640_000_000_000m, 3_720_000_000_000m, 30m),
        };
        return (rows, fiscal);
    }

    private decimal AnnualCost(EmployeeRow e) =>
        salaries.Monthly(e.Grade, e.ServiceYears) * o.SalaryMonthsPerYear * (1 + o.AllowancePercent / 100m);

    private string Nik(DateOnly birth, bool female)
    {
        while (true)
        {
            var nik = string.Create(CultureInfo.InvariantCulture,
                $"6402{_rng.Next(1, 19):D2}{birth.Day + (female ? 40 : 0):D2}{birth:MMyy}{_rng.Next(1, 10_000):D4}");
            if (_niks.Add(nik)) return nik;
        }
    }

    private string Name() => _rng.Next(4) == 0
        ? $"{Pick(KukarUnits.FirstNames)} {Pick(KukarUnits.FirstNames)} {Pick(KukarUnits.LastNames)}"
        : $"{Pick(KukarUnits.FirstNames)} {Pick(KukarUnits.LastNames)}";

    private static string Email(string name, int n)
    {
        var parts = name.ToLowerInvariant().Split(' ');
        var domain = (n % 3) switch { 0 => "gmail.com", 1 => "yahoo.co.id", _ => "gmail.com" };
        return $"{parts[0]}.{parts[^1]}{n}@{domain}";
    }

    private string WeightedUnit() => KukarUnits.All[Weighted(KukarUnits.All.Select(u => u.Weight).ToArray())].Code;

    private int Weighted(int[] weights)
    {
        var target = _rng.Next(weights.Sum());
        for (var i = 0; i < weights.Length; i++)
        {
            if ((target -= weights[i]) < 0) return i;
        }
        return weights.Length - 1;
    }

    private T Pick<T>(IReadOnlyList<T> list) => list[_rng.Next(list.Count)];

    private double Normal(double mean, double sd) =>
        mean + sd * Math.Sqrt(-2 * Math.Log(1 - _rng.NextDouble())) * Math.Cos(2 * Math.PI * _rng.NextDouble());

    private void Shuffle<T>(List<T> list)
    {
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = _rng.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
    }
}
