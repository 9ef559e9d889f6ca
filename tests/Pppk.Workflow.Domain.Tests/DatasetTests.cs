using Pppk.Workflow.Domain.Employees;
using Pppk.Workflow.Domain.Imports;
using Pppk.Workflow.Domain.Seeding;

namespace Pppk.Workflow.Domain.Tests;

/// <summary>The synthetic dataset: deterministic, and of Kukar's size and shape.</summary>
public sealed class DatasetTests
{
    private static readonly SalaryScale Salaries = SalaryScale.Load();
    private static readonly KukarDatasetOptions Kukar = new() { Seed = 7, ReferenceDate = new DateOnly(2026, 3, 1) };
    private static readonly Lazy<KukarDataset> Data = new(() => KukarDataset.Generate(Kukar, Salaries));

    [Fact]
    public void The_same_seed_gives_the_same_files_and_another_seed_other_files()
    {
        var again = KukarDataset.Generate(Kukar, Salaries);
        var other = KukarDataset.Generate(Kukar with { Seed = 8 }, Salaries);
        foreach (var kind in ImportKinds.Portal)
        {
            Assert.Equal(DatasetCsv.Of(Data.Value, kind), DatasetCsv.Of(again, kind));
            Assert.NotEqual(DatasetCsv.Of(Data.Value, kind), DatasetCsv.Of(other, kind));
        }
        Assert.Equal(Data.Value.Evaluations, again.Evaluations);
        Assert.Equal(Data.Value.Budgets, again.Budgets);
    }

    [Fact]
    public void It_has_Kukar_totals()
    {
        var d = Data.Value;
        Assert.Equal(59, d.Units.Count);
        Assert.Equal(59, d.Units.Select(u => u.Code).Distinct().Count());
        Assert.All(d.Formations, f => Assert.Contains(d.Units, u => u.Code == f.UnitCode));
        Assert.Equal(59, d.Formations.Select(f => f.UnitCode).Distinct().Count());
        Assert.All(d.Employees, e => Assert.Contains(d.Units, u => u.Code == e.UnitCode));
        Assert.InRange(d.Formations.Count, 550, 650);
        Assert.Equal(d.Formations.Count, d.Formations.Select(f => f.Code).Distinct().Count());
        Assert.Equal(5_776, d.Formations.Sum(f => f.Quota));
        Assert.All(d.Formations, f => Assert.True(f.Quota >= 1));
        Assert.Equal(6_766, d.Applicants.Count);
        Assert.Equal(6_766, d.Scores.Count);
        Assert.Equal(5_143, d.Employees.Count);
        Assert.Equal(d.Applicants.Count + d.Employees.Count, d.Applicants.Select(a => a.Nik).Concat(d.Employees.Select(e => e.Nik)).Distinct().Count());
    }

    [Fact]
    public void Position_types_priority_categories_and_scores_are_mixed_like_the_real_rounds()
    {
        var d = Data.Value;
        var quota = d.Formations.GroupBy(f => f.Type).ToDictionary(g => g.Key, g => g.Sum(f => f.Quota));
        // Of the first 3,870 Kukar SKs: 3,230 technical, 441 teachers, 199 health (83% / 11% / 5%).
        Assert.InRange(quota["teknis"] / 5776.0, 0.80, 0.87);
        Assert.InRange(quota["guru"] / 5776.0, 0.09, 0.14);
        Assert.InRange(quota["nakes"] / 5776.0, 0.03, 0.07);
        Assert.Equal([1, 2, 3, 4], d.Applicants.Select(a => a.PriorityCategory).Distinct().Order());
        Assert.All(d.Scores, s =>
        {
            Assert.InRange(s.Technical, 0, 450);
            Assert.InRange(s.ManagerialSocioCultural, 0, 180);
            Assert.InRange(s.Interview, 0, 40);
        });
        var perFormation = d.Applicants.GroupBy(a => a.FormationCode).ToDictionary(g => g.Key, g => g.Count());
        Assert.All(d.Formations, f => Assert.True(perFormation.GetValueOrDefault(f.Code) >= f.Quota));
    }

    [Fact]
    public void Contracts_end_within_18_months_and_two_years_of_evaluations_cover_every_predicate()
    {
        var d = Data.Value;
        var reference = Kukar.ReferenceDate;
        Assert.All(d.Employees, e =>
        {
            Assert.InRange(e.End, reference.AddDays(1), reference.AddMonths(18));
            Assert.True(e.Tmt < e.End);
            Assert.InRange(e.Grade, 1, 17);
            Assert.InRange(e.ServiceYears, 0, 33);
        });
        // Spread over the horizon: every quarter of it has contracts ending.
        Assert.Equal(6, d.Employees.Select(e => (e.End.DayNumber - reference.DayNumber) * 6 / (reference.AddMonths(18).DayNumber - reference.DayNumber + 1)).Distinct().Count());
        Assert.Equal(d.Employees.Count * 10, d.Evaluations.Count);
        Assert.Equal([2024, 2025], d.Evaluations.Select(v => v.Year).Distinct().Order());
        Assert.Equal(["Q1", "Q2", "Q3", "Q4", "annual"], d.Evaluations.Select(v => v.Period).Distinct().Order(StringComparer.Ordinal));
        var annual = d.Evaluations.Where(v => v.Period == "annual").GroupBy(v => v.Predicate).ToDictionary(g => g.Key, g => g.Count() / (double)(d.Employees.Count * 2));
        Assert.Equal(Predicates.All.Order(), annual.Keys.Order());
        Assert.True(annual[Predicates.Baik] > 0.5, "Baik is the usual predicate");
        Assert.InRange(annual[Predicates.Kurang] + annual[Predicates.SangatKurang], 0.03, 0.2);
    }

    [Fact]
    public void Budgets_cover_every_unit_and_some_units_are_short()
    {
        var d = Data.Value;
        var year = d.Budgets.Where(b => b.FiscalYear == 2026).ToList();
        Assert.Equal(59, year.Count);
        var headcount = d.Employees.GroupBy(e => e.UnitCode).ToDictionary(g => g.Key, g => g.Count());
        // Short: less left than one employee's average yearly cost in the unit, so a renewal does not fit.
        bool Short(BudgetRow b) => b.PersonnelCeiling - b.Committed < b.Committed / Math.Max(1, headcount.GetValueOrDefault(b.UnitCode));
        Assert.Equal(Kukar.ShortUnits, year.Count(Short));
        Assert.All(year.Where(b => !Short(b)), b => Assert.True(b.PersonnelCeiling - b.Committed >= b.Committed * 0.05m));
        var fiscal = Assert.Single(d.Fiscal, f => f.FiscalYear == 2026);
        Assert.Equal(30m, fiscal.CapPercent);
        Assert.InRange(fiscal.PersonnelSpending / fiscal.BudgetTotal, 0.2m, 0.3m);
    }

    [Fact]
    public void The_salary_scale_runs_from_grade_I_to_grade_XVII_and_rises_with_grade_and_years()
    {
        Assert.Equal(17 * 34, Salaries.Entries.Count());
        Assert.Equal(1_938_500m, Salaries.Monthly(1, 0));
        Assert.Equal(7_329_000m, Salaries.Monthly(17, 33));
        for (var g = 1; g <= 17; g++)
        {
            for (var y = 1; y <= 33; y++) Assert.True(Salaries.Monthly(g, y) >= Salaries.Monthly(g, y - 1));
            if (g > 1) Assert.True(Salaries.Monthly(g, 0) > Salaries.Monthly(g - 1, 0));
        }
    }
}
