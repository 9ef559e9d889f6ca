using Microsoft.EntityFrameworkCore;
using Pppk.Workflow.Domain.Employees;

namespace Pppk.Workflow.Domain.Tests.Handlers;

/// <summary>
/// Issue 21: a unit's rating distribution (what completing an evaluation reports) is read on the unit's copies of the
/// employee's unit on contracts and evaluations. Whatever the writes (ratings added, changed and removed, employees moving
/// between units, contracts added), staff and Baik-or-better counts equal the seeded facts: the employees of the unit with
/// a contract overlapping the period or a rating of it, each once.
/// </summary>
public sealed class UnitDistributionTests(DomainDatabase database) : IClassFixture<DomainDatabase>
{
    private const int Year = 2026;
    private static readonly string[] Units = ["UD1", "UD2"];
    private static readonly string[] Ratings = [Predicates.SangatBaik, Predicates.Baik, Predicates.ButuhPerbaikan, Predicates.Kurang];

    private sealed class Person(int id, string unit)
    {
        public int Id { get; } = id;
        public string Unit { get; set; } = unit;
        public List<(DateOnly Tmt, DateOnly End)> Contracts { get; } = [];
        public Dictionary<string, string> Ratings { get; } = [];
    }

    [Fact]
    public async Task Staff_and_good_counts_equal_the_facts_through_ratings_moves_and_new_contracts()
    {
        var random = new Random(2026);
        var people = new List<Person>();
        await using (var db = database.Context())
        {
            foreach (var unit in Units)
                await db.Database.ExecuteSqlAsync($"INSERT INTO pppk.units (code, name) VALUES ({unit}, {"Unit " + unit})");
            for (var n = 0; n < 60; n++)
            {
                var unit = Units[random.Next(2)];
                var id = (await db.Database.SqlQuery<int>($"""
                    INSERT INTO pppk.employees (ni_pppk, nik, name, email, birth_date, unit_code, position, grade, service_years)
                    VALUES ({"1990" + n.ToString("D14")}, {"6499" + n.ToString("D12")}, {"Pegawai " + n}, {null}, {new DateOnly(1990, 1, 1)}, {unit}, 'Guru', 9, 1)
                    RETURNING id AS "Value"
                    """).ToListAsync()).Single();
                var person = new Person(id, unit);
                people.Add(person);
                // None, one or two contracts somewhere in 2025-2027 (some overlapping a period, some not).
                for (var c = random.Next(3); c > 0; c--) await AddContractAsync(db, person, random);
                foreach (var period in EvaluationPeriods.All.Where(_ => random.Next(3) == 0))
                    await RateAsync(db, person, period, Ratings[random.Next(Ratings.Length)]);
            }
        }
        await AssertCountsAsync(people);

        // Ratings changed and removed, employees moving to the other unit, new contracts: every count follows.
        await using (var db = database.Context())
        {
            foreach (var person in people.Where(p => p.Ratings.Count > 0).Take(8))
            {
                var period = person.Ratings.Keys.First();
                if (random.Next(2) == 0) await RateAsync(db, person, period, Ratings[random.Next(Ratings.Length)]);
                else
                {
                    await db.Database.ExecuteSqlAsync($"DELETE FROM pppk.evaluations WHERE employee_id = {person.Id} AND year = {Year} AND period = {period}");
                    person.Ratings.Remove(period);
                }
            }
            foreach (var person in people.Where((_, i) => i % 5 == 0))
            {
                person.Unit = person.Unit == Units[0] ? Units[1] : Units[0];
                await db.Database.ExecuteSqlAsync($"UPDATE pppk.employees SET unit_code = {person.Unit} WHERE id = {person.Id}");
            }
            foreach (var person in people.Where((_, i) => i % 7 == 0)) await AddContractAsync(db, person, random);
            // A rating written naming another unit still carries its employee's.
            await db.Database.ExecuteSqlAsync($"UPDATE pppk.evaluations SET unit_code = 'ELSEWHERE' WHERE employee_id = {people[0].Id}");
        }
        await AssertCountsAsync(people);
    }

    private static async Task AddContractAsync(Domain.Data.PppkDbContext db, Person person, Random random)
    {
        var tmt = new DateOnly(2025, 1, 1).AddDays(random.Next(900));
        var end = tmt.AddDays(random.Next(30, 400));
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO pppk.contracts (employee_id, tmt, "end", years, status, part_time) VALUES ({person.Id}, {tmt}, {end}, 1, 'active', false)
            """);
        person.Contracts.Add((tmt, end));
    }

    private static async Task RateAsync(Domain.Data.PppkDbContext db, Person person, string period, string predicate)
    {
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO pppk.evaluations (employee_id, year, period, predicate, recorded_at) VALUES ({person.Id}, {Year}, {period}, {predicate}, now())
            ON CONFLICT (employee_id, year, period) DO UPDATE SET predicate = excluded.predicate
            """);
        person.Ratings[period] = predicate;
    }

    private async Task AssertCountsAsync(List<Person> people)
    {
        await using var db = database.Context();
        foreach (var unit in Units)
            foreach (var period in EvaluationPeriods.All)
            {
                var (start, end) = EvaluationPeriods.Range(Year, period);
                var staff = people.Where(p => p.Unit == unit && (p.Ratings.ContainsKey(period) || p.Contracts.Any(c => c.Tmt <= end && c.End >= start))).ToList();
                var good = staff.Count(p => p.Ratings.GetValueOrDefault(period) is Predicates.SangatBaik or Predicates.Baik);
                Assert.True(staff.Count > 0, $"{unit} {period} has staff");
                Assert.Equal(new UnitDistribution(staff.Count, good), await UnitDistribution.CountAsync(db, unit, Year, period, start, end, default));
            }
    }
}
