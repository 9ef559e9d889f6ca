using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Pppk.Workflow.Auth;

namespace Pppk.Workflow.Host.Tests.Organisation;

/// <summary>
/// The domain APIs by organisation: organisation-wide roles read both units; unit-head and evaluator their unit's
/// formations, applicants, employees, renewals and budgets; an employee their own record. Anything else is 404 with the
/// message of a missing id, and lists leave it out of items and total.
/// </summary>
public sealed class DomainScopeTests(OrganisationHost host) : IClassFixture<OrganisationHost>
{
    private static async Task<JsonElement> OkAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>A list's total and the given property of each item, joined with ", ".</summary>
    private static async Task<(int Total, string Items)> ListAsync(HttpClient client, string url, Func<JsonElement, string?> pick) =>
        Listed(await OkAsync(client, url), pick);

    private static (int Total, string Items) Listed(JsonElement page, Func<JsonElement, string?> pick) =>
        (page.GetProperty("total").GetInt32(), string.Join(", ", page.GetProperty("items").EnumerateArray().Select(pick)));

    private static string? Name(JsonElement e) => e.GetProperty("name").GetString();

    private static string? RenewalName(JsonElement r) => r.GetProperty("employee").GetProperty("name").GetString();

    private static async Task AssertMissingAsync(HttpClient client, string url, string title)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(title, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    private int Id(string employee) => host.Employees[employee].Id;

    [Theory]
    [InlineData("kepala.a")]
    [InlineData("penilai.a")]
    public async Task A_unit_head_or_evaluator_reads_only_their_units_records(string userName)
    {
        using var client = await host.SignedInClientAsync(userName, OrganisationHost.Password);

        Assert.Equal((2, "Pegawai A1, Pegawai A2"), await ListAsync(client, "/api/employees", Name));
        Assert.Equal((0, ""), await ListAsync(client, $"/api/employees?unitCode={OrganisationHost.UnitB}", Name));
        Assert.Equal((0, ""), await ListAsync(client, "/api/employees?search=Pegawai%20B", Name));
        Assert.Equal(OrganisationHost.Nik(1), (await OkAsync(client, $"/api/employees/{Id("A1")}")).GetProperty("nik").GetString());
        await AssertMissingAsync(client, $"/api/employees/{Id("B1")}", $"No employee with id {Id("B1")}.");
        await AssertMissingAsync(client, "/api/employees/999999", "No employee with id 999999.");

        Assert.Equal((1, "FA-1"), await ListAsync(client, "/api/formations", f => f.GetProperty("code").GetString()));
        Assert.Equal(1, (await OkAsync(client, "/api/formations/FA-1")).GetProperty("applicantCount").GetInt32());
        Assert.Equal((1, "REG-A1"), await ListAsync(client, "/api/formations/FA-1/applicants", a => a.GetProperty("registrationNumber").GetString()));
        Assert.Equal(1, (await OkAsync(client, "/api/formations/FA-1/ranking")).GetProperty("unscored").GetInt32());
        foreach (var url in new[] { "/api/formations/FB-1", "/api/formations/FB-1/applicants", "/api/formations/FB-1/ranking" })
            await AssertMissingAsync(client, url, "No formation with code 'FB-1'.");

        Assert.Equal((1, "Pelamar A"), await ListAsync(client, "/api/applicants", Name));
        Assert.Equal("FA-1", (await OkAsync(client, "/api/applicants/REG-A1")).GetProperty("formation").GetProperty("code").GetString());
        await AssertMissingAsync(client, "/api/applicants/REG-B1", "No applicant with registration number 'REG-B1'.");

        var renewals = await OkAsync(client, "/api/renewals");
        Assert.Equal(2, renewals.GetProperty("total").GetInt32());
        Assert.Equal(["Pegawai A1", "Pegawai A2"], renewals.GetProperty("items").EnumerateArray().Select(RenewalName));
        Assert.All(renewals.GetProperty("items").EnumerateArray(), r => Assert.Equal(600_000_000m, r.GetProperty("fiscal").GetProperty("unitRemaining").GetDecimal()));

        var budgets = await OkAsync(client, $"/api/budgets?fiscalYear={OrganisationHost.Today.Year}");
        Assert.Equal((1, OrganisationHost.UnitA), (budgets.GetProperty("total").GetInt32(), budgets.GetProperty("items")[0].GetProperty("unitCode").GetString()));
        Assert.Equal(2, budgets.GetProperty("items")[0].GetProperty("activeContracts").GetInt32());
        Assert.Equal(JsonValueKind.Object, budgets.GetProperty("regional").ValueKind);
        Assert.Equal((0, ""), await ListAsync(client, $"/api/budgets?unitCode={OrganisationHost.UnitB}", b => b.GetProperty("unitCode").GetString()));

        // A record the caller may not see was not read: the access log has the read of A1 and nothing of B1.
        using var admin = host.Client();
        Assert.Equal(0, (await OkAsync(admin, $"/api/access-log?user={userName}&kind=employee&recordId={Id("B1")}")).GetProperty("total").GetInt32());
        Assert.Equal(1, (await OkAsync(admin, $"/api/access-log?user={userName}&kind=employee&recordId={Id("A1")}")).GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("org.hr")]
    [InlineData("org.verif")]
    [InlineData("org.ppk")]
    [InlineData("org.finance")]
    public async Task Organisation_wide_roles_read_both_units(string userName)
    {
        using var client = await host.SignedInClientAsync(userName, OrganisationHost.Password);
        Assert.Equal((3, "Pegawai A1, Pegawai A2, Pegawai B1"), await ListAsync(client, "/api/employees", Name));
        Assert.Equal(OrganisationHost.Nik(3), (await OkAsync(client, $"/api/employees/{Id("B1")}")).GetProperty("nik").GetString());
        Assert.Equal((2, "FA-1, FB-1"), await ListAsync(client, "/api/formations", f => f.GetProperty("code").GetString()));
        Assert.Equal((2, "Pelamar A, Pelamar B"), await ListAsync(client, "/api/applicants", Name));
        Assert.Equal("FB-1", (await OkAsync(client, "/api/applicants/REG-B1")).GetProperty("formation").GetProperty("code").GetString());
        Assert.Equal((3, "Pegawai A1, Pegawai B1, Pegawai A2"), await ListAsync(client, "/api/renewals", RenewalName));
        Assert.Equal((2, $"{OrganisationHost.UnitA}, {OrganisationHost.UnitB}"),
            await ListAsync(client, $"/api/budgets?fiscalYear={OrganisationHost.Today.Year}", b => b.GetProperty("unitCode").GetString()));
    }

    [Fact]
    public async Task An_employee_reads_only_their_own_record_and_renewal_and_no_other_domain_list()
    {
        using var client = await host.SignedInClientAsync("pegawai.a1", OrganisationHost.Password);
        Assert.Equal((1, "Pegawai A1"), await ListAsync(client, "/api/employees", Name));
        Assert.Equal((1, "Pegawai A1"), await ListAsync(client, $"/api/employees?unitCode={OrganisationHost.UnitA}&pageSize=500", Name));
        Assert.Equal(OrganisationHost.Nik(1), (await OkAsync(client, $"/api/employees/{Id("A1")}")).GetProperty("nik").GetString());
        await AssertMissingAsync(client, $"/api/employees/{Id("A2")}", $"No employee with id {Id("A2")}.");
        await AssertMissingAsync(client, $"/api/employees/{Id("B1")}", $"No employee with id {Id("B1")}.");

        var renewals = await OkAsync(client, "/api/renewals");
        var own = Assert.Single(renewals.GetProperty("items").EnumerateArray());
        Assert.Equal((1, "Pegawai A1"), (renewals.GetProperty("total").GetInt32(), RenewalName(own)));
        // Their own renewal, not their unit's budget or the region's (budgets are 403 for them).
        Assert.Equal(JsonValueKind.Null, own.GetProperty("fiscal").GetProperty("unitRemaining").ValueKind);
        Assert.Equal(JsonValueKind.Null, own.GetProperty("fiscal").GetProperty("regional").ValueKind);

        foreach (var url in new[] { "/api/formations", "/api/formations/FA-1", "/api/formations/FA-1/applicants", "/api/applicants", "/api/applicants/REG-A1", "/api/budgets" })
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task A_unit_head_without_a_unit_sees_nothing()
    {
        using var client = await host.SignedInClientAsync("kepala.tanpa", OrganisationHost.Password);
        foreach (var list in new[] { "/api/employees", "/api/formations", "/api/applicants", "/api/renewals", "/api/budgets" })
            Assert.Equal(0, (await OkAsync(client, list)).GetProperty("total").GetInt32());
        Assert.Equal(JsonValueKind.Null, (await OkAsync(client, "/api/budgets")).GetProperty("regional").ValueKind);
        await AssertMissingAsync(client, $"/api/employees/{Id("A1")}", $"No employee with id {Id("A1")}.");
        await AssertMissingAsync(client, "/api/formations/FA-1", "No formation with code 'FA-1'.");
    }

    [Fact]
    public async Task Several_roles_read_the_union_of_their_scopes()
    {
        // Head of unit A and, as an employee, on record in unit B.
        using var client = await host.SignedInClientAsync("kepala.plus", OrganisationHost.Password);
        Assert.Equal((3, "Pegawai A1, Pegawai A2, Pegawai B1"), await ListAsync(client, "/api/employees", Name));
        Assert.Equal((3, "Pegawai A1, Pegawai B1, Pegawai A2"), await ListAsync(client, "/api/renewals", RenewalName));
        Assert.Equal((1, "FA-1"), await ListAsync(client, "/api/formations", f => f.GetProperty("code").GetString()));
        Assert.Equal((1, "Pelamar A"), await ListAsync(client, "/api/applicants", Name));
        Assert.Equal(1, (await OkAsync(client, "/api/budgets")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_unit_or_link_changed_by_hr_admin_applies_to_the_open_session_at_its_next_request()
    {
        var headId = await host.CreateUserAsync("kepala.pindah", OrganisationHost.UnitA, null, Roles.UnitHead);
        var employeeId = await host.CreateUserAsync("pegawai.pindah", null, OrganisationHost.Nik(2), Roles.Employee);
        using var head = await CookieSession.SignInAsync(host.Url, "kepala.pindah", OrganisationHost.Password);
        using var employee = await CookieSession.SignInAsync(host.Url, "pegawai.pindah", OrganisationHost.Password);
        Assert.Equal((2, "Pegawai A1, Pegawai A2"), await ListAsync(head, "/api/employees"));
        Assert.Equal((1, "Pegawai A2"), await ListAsync(employee, "/api/employees"));

        using var admin = host.Client();
        (await admin.PutAsJsonAsync($"/api/users/{headId}/profile", new { fullName = "Kepala Pindah", unitCode = OrganisationHost.UnitB })).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync($"/api/users/{employeeId}/profile", new { fullName = "Pegawai Pindah", employeeNik = (string?)null })).EnsureSuccessStatusCode();

        Assert.Equal((1, "Pegawai B1"), await ListAsync(head, "/api/employees"));
        Assert.Equal(HttpStatusCode.OK, await head.StatusAsync($"/api/employees/{Id("B1")}"));
        Assert.Equal(HttpStatusCode.NotFound, await head.StatusAsync($"/api/employees/{Id("A1")}"));
        Assert.Equal((0, ""), await ListAsync(employee, "/api/employees"));
        Assert.Equal(HttpStatusCode.NotFound, await employee.StatusAsync($"/api/employees/{Id("A2")}"));
    }

    private static async Task<(int Total, string Items)> ListAsync(CookieSession session, string url)
    {
        var response = await session.SendAsync(HttpMethod.Get, url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Listed(await response.Content.ReadFromJsonAsync<JsonElement>(), Name);
    }
}
