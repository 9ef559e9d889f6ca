using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pppk.Workflow.Domain.Api;
using Pppk.Workflow.Domain.Data;
using Pppk.Workflow.Domain.Documents;
using Pppk.Workflow.Domain.Employees;
using Pppk.Workflow.Domain.Fiscal;
using Pppk.Workflow.Domain.Imports;
using Pppk.Workflow.Domain.Seeding;

namespace Pppk.Workflow.Domain.Tests;

/// <summary>The domain API on the full Kukar dataset: paging, filters, profiles, renewals, budgets, imports, and who may call what.</summary>
public sealed class DomainApiTests(SeededHost host) : IClassFixture<SeededHost>
{
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<JsonElement> GetAsync(string url, string? key = SeededHost.BootstrapKey)
    {
        using var client = host.Client(key);
        return await JsonAsync(await client.GetAsync(url));
    }

    private async Task<T> DbAsync<T>(Func<PppkDbContext, Task<T>> query)
    {
        await using var scope = host.Host.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<PppkDbContext>());
    }

    [Theory]
    [InlineData(DocumentKind.Sk)]
    [InlineData(DocumentKind.PerjanjianKerja)]
    [InlineData(DocumentKind.Spmt)]
    [InlineData(DocumentKind.SkPerpanjangan)]
    [InlineData(DocumentKind.PemberitahuanTidakDiperpanjang)]
    [InlineData(DocumentKind.SkParuhWaktu)]
    public async Task Every_employee_document_kind_is_generated_from_a_seeded_employee(DocumentKind kind)
    {
        // An employee of the Kukar dataset with an SK and a contract, as the workflows' document tasks read them.
        var (document, facts) = await DbAsync(async db =>
        {
            var employeeId = await db.Sks.OrderBy(s => s.EmployeeId).Select(s => s.EmployeeId).FirstAsync(s => db.Contracts.Any(c => c.EmployeeId == s));
            var facts = await EmployeeDocumentFacts.ReadAsync(db, kind, employeeId, null, new SignerInputs(null, null, null, "Tenggarong"),
                (SeededHost.Today, "Bupati Kutai Kartanegara"), "Kinerja tahun terakhir Kurang", CancellationToken.None);
            Assert.NotNull(facts);
            return (host.Service<DocumentGenerator>().Generate(facts, VerificationCodes.New(), await CurrentTemplates.ForAsync(db, kind, CancellationToken.None)), facts);
        });
        var person = facts.Appointees[0];
        var expected = new List<string> { person.Name, person.NiPppk! };
        if (kind is DocumentKind.Sk or DocumentKind.PerjanjianKerja or DocumentKind.SkPerpanjangan)
            expected.AddRange([IndonesianFormat.Rupiah(person.Salary), Terbilang.Rupiah(person.Salary)]);
        if (kind is DocumentKind.PemberitahuanTidakDiperpanjang)
            expected.AddRange(["Kinerja tahun terakhir Kurang", facts.Extra["hari_terakhir"]]);
        var docx = Documents.DocxText.All(document.Docx);
        var pdf = Documents.PdfText.All(document.Pdf);
        foreach (var text in expected)
        {
            Assert.Contains(text, docx);
            Assert.Contains(text, pdf);
        }
        // Dates in Indonesian ("2 Juni 2025"), never ISO; no placeholder left.
        Assert.Matches(@"\b\d{1,2} (Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember) \d{4}\b", pdf);
        Assert.DoesNotMatch(@"\b\d{4}-\d{2}-\d{2}\b", pdf);
        Assert.DoesNotContain("{{", docx);
        Documents.PdfText.Save("seed-" + kind.Code(), document.Pdf, pages: 1);
    }

    [Fact]
    public async Task The_dataset_loads_through_the_importer_and_loading_it_again_changes_nothing()
    {
        Assert.Equal([600, 6766, 6766, 5143], host.FirstLoad.Where(s => s.Name.EndsWith(".csv")).Select(s => s.Inserted));
        var again = await host.Service<DatasetLoader>().LoadAsync(host.Dataset, SalaryScale.Load(), CancellationToken.None);
        Assert.All(again, s => Assert.Equal(0, s.Inserted));
        Assert.Equal([600, 6766, 6766, 5143], again.Where(s => s.Name.EndsWith(".csv")).Select(s => s.Updated));
        Assert.Equal((59, 600, 5776, 6766, 5143, 5143, 51430), await DbAsync(async db => (
            await db.Units.CountAsync(), await db.Formations.CountAsync(), await db.Formations.SumAsync(f => f.Quota), await db.Applicants.CountAsync(),
            await db.Employees.CountAsync(), await db.Contracts.CountAsync(), await db.Evaluations.CountAsync())));
    }

    [Fact]
    public async Task Formations_are_paged_with_applicant_and_status_counts()
    {
        var first = await GetAsync("/api/formations?page=1&pageSize=50");
        Assert.Equal((600, 1, 50, 50), (first.GetProperty("total").GetInt32(), first.GetProperty("page").GetInt32(), first.GetProperty("pageSize").GetInt32(),
            first.GetProperty("items").GetArrayLength()));
        var last = await GetAsync("/api/formations?page=12&pageSize=50");
        Assert.Equal(50, last.GetProperty("items").GetArrayLength());
        Assert.Equal(0, (await GetAsync("/api/formations?page=13&pageSize=50")).GetProperty("items").GetArrayLength());
        var codes = first.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()).ToList();
        Assert.Empty(codes.Intersect(last.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString())));

        var item = first.GetProperty("items")[0];
        var code = item.GetProperty("code").GetString()!;
        Assert.Equal(host.Dataset.Applicants.Count(a => a.FormationCode == code), item.GetProperty("applicantCount").GetInt32());
        Assert.Equal(item.GetProperty("applicantCount").GetInt32(), item.GetProperty("statusCounts").GetProperty("registered").GetInt32());

        var teachers = await GetAsync("/api/formations?type=guru&pageSize=500");
        Assert.Equal(host.Dataset.Formations.Count(f => f.Type == "guru"), teachers.GetProperty("total").GetInt32());
        Assert.All(teachers.GetProperty("items").EnumerateArray(), i => Assert.Equal("DISDIKBUD", i.GetProperty("unitCode").GetString()));
    }

    [Fact]
    public async Task Paging_outside_the_limits_is_a_400_problem()
    {
        using var client = host.Client();
        foreach (var url in new[] { "/api/formations?pageSize=501", "/api/employees?page=0", "/api/renewals?pageSize=0", "/api/budgets?pageSize=1000" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task A_formation_lists_its_applicants_and_a_provisional_ranking_by_the_national_rule()
    {
        var formation = host.Dataset.Formations.Where(f => f.Quota >= 3).OrderBy(f => f.Code).First();
        var applicants = await GetAsync($"/api/formations/{formation.Code}/applicants?pageSize=500");
        var expected = host.Dataset.Applicants.Count(a => a.FormationCode == formation.Code);
        Assert.Equal(expected, applicants.GetProperty("total").GetInt32());
        Assert.All(applicants.GetProperty("items").EnumerateArray(), a => Assert.Equal("registered", a.GetProperty("status").GetString()));

        var ranking = await GetAsync($"/api/formations/{formation.Code}/ranking");
        Assert.False(ranking.GetProperty("final").GetBoolean());
        var items = ranking.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(expected, items.Count);
        Assert.Equal(Math.Min(formation.Quota, expected), items.Count(i => i.GetProperty("passed").GetBoolean()));
        for (var i = 1; i < items.Count; i++)
        {
            var (a, b) = (items[i - 1], items[i]);
            var (ca, cb) = (a.GetProperty("priorityCategory").GetInt32(), b.GetProperty("priorityCategory").GetInt32());
            Assert.True(ca < cb || (ca == cb && a.GetProperty("scores").GetProperty("total").GetInt32() >= b.GetProperty("scores").GetProperty("total").GetInt32()));
        }
    }

    [Fact]
    public async Task An_applicant_shows_formation_and_scores_and_unknown_ids_are_404()
    {
        var a = host.Dataset.Applicants[10];
        var s = host.Dataset.Scores[10];
        var body = await GetAsync($"/api/applicants/{a.RegistrationNumber}");
        Assert.Equal((a.Name, a.FormationCode, s.Technical + s.ManagerialSocioCultural + s.Interview),
            (body.GetProperty("name").GetString(), body.GetProperty("formation").GetProperty("code").GetString(), body.GetProperty("scores").GetProperty("total").GetInt32()));

        using var client = host.Client();
        foreach (var url in new[] { "/api/applicants/NOPE", "/api/formations/NOPE", "/api/formations/NOPE/applicants", "/api/formations/NOPE/ranking", "/api/employees/999999" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task Employees_filter_by_unit_and_search_and_the_profile_has_contract_SK_and_evaluations()
    {
        var unit = await GetAsync("/api/employees?unitCode=RSUD-AMP&pageSize=500");
        Assert.Equal(host.Dataset.Employees.Count(e => e.UnitCode == "RSUD-AMP"), unit.GetProperty("total").GetInt32());
        Assert.All(unit.GetProperty("items").EnumerateArray(), e => Assert.Equal("RSUD AM Parikesit", e.GetProperty("unitName").GetString()));

        var someone = host.Dataset.Employees[42];
        var found = await GetAsync($"/api/employees?search={someone.NiPppk}");
        var item = Assert.Single(found.GetProperty("items").EnumerateArray());
        Assert.Equal(someone.End, DateOnly.Parse(item.GetProperty("contractEnd").GetString()!));
        Assert.True((await GetAsync($"/api/employees?search={Uri.EscapeDataString(someone.Name.Split(' ')[0].ToLowerInvariant())}")).GetProperty("total").GetInt32() >= 1);

        var profile = await GetAsync($"/api/employees/{item.GetProperty("id").GetInt32()}");
        Assert.Equal(someone.Nik, profile.GetProperty("nik").GetString());
        var contract = Assert.Single(profile.GetProperty("contracts").EnumerateArray());
        Assert.Equal(someone.SkNumber, contract.GetProperty("skNumber").GetString());
        Assert.Single(profile.GetProperty("sks").EnumerateArray());
        Assert.Equal(10, profile.GetProperty("evaluations").GetArrayLength());
        Assert.Equal(KukarDataset.UnitHead(someone.UnitCode), profile.GetProperty("unitHeadUserName").GetString());
    }

    [Fact]
    public async Task A_search_reads_wildcards_as_text_and_finds_a_NIK_by_its_start()
    {
        var someone = host.Dataset.Employees[7];
        var byNikStart = await GetAsync($"/api/employees?search={someone.Nik[..10]}&pageSize=500");
        Assert.Contains(byNikStart.GetProperty("items").EnumerateArray(), e => e.GetProperty("nik").GetString() == someone.Nik);
        Assert.All(byNikStart.GetProperty("items").EnumerateArray(), e =>
            Assert.True(e.GetProperty("nik").GetString()!.StartsWith(someone.Nik[..10], StringComparison.Ordinal)
                || e.GetProperty("niPppk").GetString()?.StartsWith(someone.Nik[..10], StringComparison.Ordinal) == true
                || e.GetProperty("name").GetString()!.Contains(someone.Nik[..10], StringComparison.OrdinalIgnoreCase)));

        // "%" and "_" are LIKE's wildcards: searched as text they match no name, NIK or NI PPPK of the dataset.
        Assert.DoesNotContain(host.Dataset.Employees, e => e.Name.Contains('%') || e.Name.Contains('_'));
        foreach (var wildcard in new[] { "%25", "_", "%25_%25" })
        {
            Assert.Equal(0, (await GetAsync($"/api/employees?search={wildcard}")).GetProperty("total").GetInt32());
            Assert.Equal(0, (await GetAsync($"/api/applicants?search={wildcard}")).GetProperty("total").GetInt32());
        }
    }

    [Fact]
    public async Task Renewals_list_contracts_ending_within_the_months_asked_with_evaluations_and_fiscal_inputs()
    {
        var horizon = SeededHost.Today.AddMonths(6);
        var renewals = await GetAsync("/api/renewals?months=6&pageSize=500");
        var expected = host.Dataset.Employees.Count(e => e.End <= horizon);
        Assert.Equal(expected, renewals.GetProperty("total").GetInt32());
        var items = renewals.GetProperty("items").EnumerateArray().ToList();
        var ends = items.Select(i => DateOnly.Parse(i.GetProperty("end").GetString()!)).ToList();
        Assert.Equal(ends.Order(), ends);
        Assert.All(ends, e => Assert.True(e <= horizon));
        var first = items[0];
        Assert.Equal(4, first.GetProperty("recentQuarters").GetArrayLength());
        Assert.Equal(SeededHost.Today.Year - 1, first.GetProperty("latestAnnual").GetProperty("year").GetInt32());
        var fiscal = first.GetProperty("fiscal");
        Assert.True(fiscal.GetProperty("monthlySalary").GetDecimal() >= 1_938_500m);
        Assert.Equal(Math.Round(fiscal.GetProperty("monthlySalary").GetDecimal() * 14 * 1.2m, 0), fiscal.GetProperty("renewalCost").GetDecimal());
        Assert.Equal(30m, fiscal.GetProperty("regional").GetProperty("capPercent").GetDecimal());

        var twelve = await GetAsync("/api/renewals?months=12&pageSize=1");
        Assert.True(twelve.GetProperty("total").GetInt32() > expected);
    }

    [Fact]
    public async Task Renewals_read_by_cursor_return_every_contract_once_in_the_order_of_one_page()
    {
        static List<(DateOnly End, int Id)> Rows(JsonElement page) => [.. page.GetProperty("items").EnumerateArray()
            .Select(i => (DateOnly.Parse(i.GetProperty("end").GetString()!), i.GetProperty("contractId").GetInt32()))];
        var first = await GetAsync("/api/renewals?months=12&pageSize=500");
        var total = first.GetProperty("total").GetInt32();
        Assert.True(total > 1_000, $"the seeded data has {total} renewals in 12 months");
        Assert.False(first.GetProperty("totalCapped").GetBoolean());
        var second = await GetAsync("/api/renewals?months=12&pageSize=500&page=2");

        var walked = new List<(DateOnly End, int Id)>();
        var page = first;
        while (true)
        {
            walked.AddRange(Rows(page));
            if (page.GetProperty("nextCursor").GetString() is not { } cursor) break;
            page = await GetAsync($"/api/renewals?months=12&pageSize=500&cursor={cursor}");
            Assert.Equal(0, page.GetProperty("page").GetInt32());
        }
        Assert.Equal(total, walked.Count);
        Assert.Equal(total, walked.Select(r => r.Id).Distinct().Count());
        Assert.Equal(walked.OrderBy(r => r.End).ThenBy(r => r.Id), walked);
        Assert.Equal(Rows(second), walked.Skip(500).Take(500));

        using var client = host.Client(SeededHost.BootstrapKey);
        var refused = await client.GetAsync("/api/renewals?months=12&cursor=not-a-cursor");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("cursor", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_units_renewals_are_counted_on_the_contracts_copy_of_the_unit_which_follows_every_write()
    {
        var (from, to) = ("RSUD-AMP", "DISDIKBUD");
        var horizon = SeededHost.Today.AddMonths(12);
        var ids = await DbAsync(db => db.Employees.ToDictionaryAsync(e => e.Nik, e => e.Id));
        HashSet<int> Due(string unit) => [.. host.Dataset.Employees.Where(e => e.UnitCode == unit && e.End <= horizon).Select(e => ids[e.Nik])];
        var options = host.Service<Microsoft.Extensions.Options.IOptions<PppkOptions>>().Value;

        // The unit's renewals by the admin's unitCode filter (walked by cursor) and by a unit role's scope: the employees
        // and the count are the unit's due contracts of the seeded facts.
        async Task AgreeAsync(string unit, HashSet<int> expected)
        {
            var listed = new List<int>();
            var page = await GetAsync($"/api/renewals?months=12&unitCode={unit}&pageSize=500");
            Assert.Equal(expected.Count, page.GetProperty("total").GetInt32());
            while (true)
            {
                listed.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("employee").GetProperty("id").GetInt32()));
                if (page.GetProperty("nextCursor").GetString() is not { } cursor) break;
                page = await GetAsync($"/api/renewals?months=12&unitCode={unit}&pageSize=500&cursor={cursor}");
            }
            Assert.Equal(expected.Order(), listed.Order());
            await ScopeAgreesAsync(new DomainScope(false, unit, null), expected);
        }
        async Task ScopeAgreesAsync(DomainScope scope, HashSet<int> expected)
        {
            var (items, total) = await DbAsync(db => RenewalsApi.ListAsync(scope, db, options, SeededHost.Today, 12, null, 0, 10_000, CancellationToken.None));
            Assert.Equal(expected.Count, total);
            Assert.Equal(expected.Order(), items.Select(i => i.Employee.Id).Order());
        }
        // The budgets screen's active contracts of a unit (the unit's counter, Issue21UnitCounters), against the employees' units.
        async Task BudgetAgreesAsync(string unit)
        {
            var budget = (await GetAsync($"/api/budgets?fiscalYear={SeededHost.Today.Year}&unitCode={unit}")).GetProperty("items").EnumerateArray().Single();
            var active = await DbAsync(db => db.Contracts.CountAsync(c => c.Status == "active" && db.Employees.Any(e => e.Id == c.EmployeeId && e.UnitCode == unit)));
            Assert.Equal(active, budget.GetProperty("activeContracts").GetInt32());
        }
        async Task<int> DriftedAsync() => await DbAsync(db => db.Contracts.CountAsync(c => db.Employees.Any(e => e.Id == c.EmployeeId && e.UnitCode != c.UnitCode)));

        var (due, target) = (Due(from), Due(to));
        Assert.True(due.Count > 10, $"{from} has {due.Count} renewals in 12 months");
        await AgreeAsync(from, due);
        await AgreeAsync(to, target);
        Assert.Equal(0, await DriftedAsync());

        var moved = due.First();
        var movedNik = ids.Single(p => p.Value == moved).Key;
        // An employee's own renewal, a unit's and one's own together, and a unit role without a unit.
        await ScopeAgreesAsync(new DomainScope(false, null, movedNik), [moved]);
        await ScopeAgreesAsync(new DomainScope(false, to, movedNik), [.. target, moved]);
        await ScopeAgreesAsync(new DomainScope(false, null, null), []);
        int? added = null;
        try
        {
            // The employee moves: their contracts move with them, in the same transaction.
            await DbAsync(async db => { (await db.Employees.SingleAsync(e => e.Id == moved)).UnitCode = to; return await db.SaveChangesAsync(); });
            await AgreeAsync(from, [.. due.Except([moved])]);
            await AgreeAsync(to, [.. target, moved]);
            await BudgetAgreesAsync(from);
            await BudgetAgreesAsync(to);

            // A contract written with another unit, or rewritten to one, still carries its employee's.
            added = await DbAsync(async db =>
            {
                var contract = new Contract { EmployeeId = moved, UnitCode = from, Tmt = SeededHost.Today, End = SeededHost.Today.AddYears(1), Years = 1, Status = "ended" };
                db.Contracts.Add(contract);
                await db.SaveChangesAsync();
                Assert.Equal(to, contract.UnitCode);
                await db.Database.ExecuteSqlAsync($"UPDATE pppk.contracts SET unit_code = {from} WHERE id = {contract.Id}");
                return contract.Id;
            });
            Assert.Equal(0, await DriftedAsync());
        }
        finally
        {
            await DbAsync(async db =>
            {
                await db.Contracts.Where(c => c.Id == added).ExecuteDeleteAsync();
                (await db.Employees.SingleAsync(e => e.Id == moved)).UnitCode = from;
                return await db.SaveChangesAsync();
            });
        }
        await AgreeAsync(from, due);
        Assert.Equal(0, await DriftedAsync());
    }

    [Fact]
    public async Task The_renewals_screen_shows_the_cost_the_fiscal_check_computes()
    {
        var items = (await GetAsync("/api/renewals?months=12&pageSize=200")).GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        foreach (var item in items)
        {
            var (employee, fiscal) = (item.GetProperty("employee"), item.GetProperty("fiscal"));
            // The years the fiscal check records: the employee's plus the contract's, not capped at the scale's last step.
            var years = employee.GetProperty("serviceYears").GetInt32() + item.GetProperty("years").GetInt32();
            Assert.Equal(years, fiscal.GetProperty("serviceYearsAtRenewal").GetInt32());
            var grade = fiscal.GetProperty("grade").GetInt32();
            var salary = await DbAsync(db => db.SalaryScale.Where(s => s.Grade == grade && s.ServiceYears <= years)
                .OrderByDescending(s => s.ServiceYears).Select(s => s.MonthlySalary).FirstAsync());
            Assert.Equal(salary, fiscal.GetProperty("monthlySalary").GetDecimal());
            var check = FiscalCalculator.Check(new FiscalInputs(grade, years, salary, fiscal.GetProperty("termYears").GetInt32(),
                fiscal.GetProperty("salaryMonthsPerYear").GetInt32(), fiscal.GetProperty("allowancePercent").GetDecimal(), employee.GetProperty("unitCode").GetString()!,
                fiscal.GetProperty("fiscalYear").GetInt32(), UnitCeiling: 0m, UnitCommitted: 0m, RegionalBudget: 1m, RegionalPersonnelSpending: 0m, CapPercent: 30m));
            Assert.Equal(check.RenewalCost, fiscal.GetProperty("renewalCost").GetDecimal());
        }
    }

    [Fact]
    public async Task Budgets_of_a_year_list_every_unit_with_what_is_left_and_the_regional_ratio()
    {
        var budgets = await GetAsync($"/api/budgets?fiscalYear={SeededHost.Today.Year}&pageSize=100");
        Assert.Equal(59, budgets.GetProperty("total").GetInt32());
        var items = budgets.GetProperty("items").EnumerateArray().ToList();
        Assert.All(items, b => Assert.Equal(b.GetProperty("personnelCeiling").GetDecimal() - b.GetProperty("committed").GetDecimal(), b.GetProperty("remaining").GetDecimal()));
        Assert.Equal(5143, items.Sum(b => b.GetProperty("activeContracts").GetInt32()));
        var regional = budgets.GetProperty("regional");
        Assert.False(regional.GetProperty("overCap").GetBoolean());
        Assert.InRange(regional.GetProperty("ratioPercent").GetDecimal(), 20m, 30m);
        Assert.Equal(0, (await GetAsync("/api/budgets?fiscalYear=1999")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Staff_roles_read_only_hr_admin_imports_and_others_get_401_or_403()
    {
        using var anonymous = host.Client(apiKey: null);
        using var employee = host.Client(DomainTestHost.EmployeeKey);
        using var verifier = host.Client(DomainTestHost.VerifierKey);
        foreach (var url in new[] { "/api/formations", "/api/applicants/x", "/api/employees", "/api/renewals", "/api/budgets", "/api/imports" })
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(url)).StatusCode);
        foreach (var url in new[] { "/api/formations", "/api/applicants/x", "/api/budgets", "/api/imports" })
            Assert.Equal(HttpStatusCode.Forbidden, (await employee.GetAsync(url)).StatusCode);
        // An employee reads their own record and renewals only: a key is linked to no employee, so it reads none.
        foreach (var url in new[] { "/api/employees", "/api/renewals?months=60" })
            Assert.Equal(0, (await GetAsync(url, DomainTestHost.EmployeeKey)).GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await verifier.GetAsync("/api/formations")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await verifier.GetAsync("/api/renewals")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await verifier.PostAsync("/api/imports/formations", new StringContent("x\n", Encoding.UTF8, "text/csv"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/imports/formations", new StringContent("x\n", Encoding.UTF8, "text/csv"))).StatusCode);
    }
}
