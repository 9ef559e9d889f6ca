using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Pppk.Workflow.Auth;

namespace Pppk.Workflow.Host.Tests.Organisation;

/// <summary>
/// hr-admin places users in the organisation: a unit of <c>pppk.units</c>, a link to the employee or applicant they are (by
/// NIK, one account per person), unit-scoped roles only with a unit; and finds users by text, unit and role.
/// </summary>
public sealed class UserProfileTests(OrganisationHost host) : IClassFixture<OrganisationHost>
{
    private readonly HttpClient _admin = host.Client();

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private Task<HttpResponseMessage> PutProfileAsync(string id, object profile) => _admin.PutAsJsonAsync($"/api/users/{id}/profile", profile);

    /// <summary>A 400 problem naming <paramref name="field"/> with <paramref name="code"/>, its text also under <c>errors</c>.</summary>
    private static async Task<JsonElement> InvalidAsync(HttpResponseMessage response, string field, string code)
    {
        var problem = await JsonAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal((code, field), (problem.GetProperty("code").GetString(), problem.GetProperty("field").GetString()));
        Assert.Equal(problem.GetProperty("title").GetString(), problem.GetProperty("errors").GetProperty(field)[0].GetString());
        return problem;
    }

    private async Task<JsonElement> UserAsync(string id)
    {
        var page = await JsonAsync(await _admin.GetAsync("/api/users?pageSize=500"), HttpStatusCode.OK);
        return page.GetProperty("items").EnumerateArray().Single(u => u.GetProperty("id").GetString() == id);
    }

    private async Task<string> ListAsync(string query)
    {
        var page = await JsonAsync(await _admin.GetAsync("/api/users?" + query), HttpStatusCode.OK);
        var names = page.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("userName").GetString());
        return $"{page.GetProperty("total").GetInt32()}: {string.Join(", ", names)}";
    }

    [Fact]
    public async Task A_user_is_created_with_unit_and_nik_and_the_list_finds_users_by_text_unit_and_role()
    {
        var created = await JsonAsync(await _admin.PostAsJsonAsync("/api/users", new
        {
            userName = "profil.baru", password = OrganisationHost.Password, fullName = "Siti Profil", unitCode = OrganisationHost.UnitB,
            employeeNik = "6402000000000002", roles = new[] { Roles.Employee, Roles.Evaluator },
        }), HttpStatusCode.Created);
        Assert.Equal((OrganisationHost.UnitB, "6402000000000002"), (created.GetProperty("unitCode").GetString(), created.GetProperty("employeeNik").GetString()));
        Assert.Equal(["employee", "evaluator"], created.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Order());

        Assert.Equal("1: profil.baru", await ListAsync("q=SITI%20prof"));
        Assert.Equal("1: pegawai.a1", await ListAsync("q=PEGAWAI.A"));
        Assert.Equal("2: kepala.a, kepala.plus", await ListAsync("q=nama%20kepala")); // full name "Nama kepala.…"
        Assert.Equal("3: kepala.a, kepala.plus, kepala.tanpa", await ListAsync("q=kepala&role=unit-head"));
        Assert.Equal("2: kepala.a, kepala.plus", await ListAsync($"q=kepala&role=unit-head&unitCode={OrganisationHost.UnitA}"));
        Assert.Equal("1: profil.baru", await ListAsync($"role=evaluator&unitCode={OrganisationHost.UnitB}"));
        Assert.Equal("2: kepala.a", await ListAsync($"q=kepala&unitCode={OrganisationHost.UnitA}&pageSize=1"));
        Assert.Equal("0: ", await ListAsync("q=tidak-ada-orang-ini"));
        await InvalidAsync(await _admin.GetAsync("/api/users?role=bupati"), "role", "user-role-unknown");
    }

    [Fact]
    public async Task A_profile_is_set_as_sent_and_null_clears_it()
    {
        var id = await host.CreateUserAsync("profil.ubah", null, null, Roles.Employee);
        var set = await JsonAsync(await PutProfileAsync(id, new
        {
            fullName = "Budi Ubah", email = "budi@kukarkab.go.id", unitCode = OrganisationHost.UnitA, employeeNik = OrganisationHost.Nik(2),
        }), HttpStatusCode.OK);
        Assert.Equal(("Budi Ubah", "budi@kukarkab.go.id", OrganisationHost.UnitA, OrganisationHost.Nik(2)),
            (set.GetProperty("fullName").GetString(), set.GetProperty("email").GetString(), set.GetProperty("unitCode").GetString(), set.GetProperty("employeeNik").GetString()));
        Assert.Equal(OrganisationHost.Nik(2), (await UserAsync(id)).GetProperty("employeeNik").GetString());

        // An applicant's NIK links too (an applicant with an account); sending it again for the same user is no conflict.
        await JsonAsync(await PutProfileAsync(id, new { employeeNik = "6402000000000001" }), HttpStatusCode.OK);
        var cleared = await JsonAsync(await PutProfileAsync(id, new { fullName = (string?)null, email = (string?)null, unitCode = (string?)null, employeeNik = (string?)null }),
            HttpStatusCode.OK);
        Assert.All(new[] { "fullName", "email", "unitCode", "employeeNik" }, f => Assert.Equal(JsonValueKind.Null, cleared.GetProperty(f).ValueKind));

        Assert.Equal(HttpStatusCode.NotFound, (await PutProfileAsync("no-such-user", new { fullName = "x" })).StatusCode);
    }

    [Fact]
    public async Task Profile_problems_name_the_field_unknown_unit_bad_nik_and_nik_of_nobody()
    {
        var id = await host.CreateUserAsync("profil.salah", null, null, Roles.Employee);
        var unit = await InvalidAsync(await PutProfileAsync(id, new { unitCode = "UNIT-X" }), "unitCode", "user-unit-unknown");
        Assert.Contains("UNIT-X", unit.GetProperty("title").GetString());
        await InvalidAsync(await PutProfileAsync(id, new { employeeNik = "12345" }), "employeeNik", "user-nik-invalid");
        await InvalidAsync(await PutProfileAsync(id, new { employeeNik = "640100000000000A" }), "employeeNik", "user-nik-invalid");
        await InvalidAsync(await PutProfileAsync(id, new { employeeNik = "6409999999999999" }), "employeeNik", "user-nik-unknown");

        // Every problem at once, each under its field; nothing was saved.
        var both = await InvalidAsync(await PutProfileAsync(id, new { fullName = "Tidak Disimpan", unitCode = "UNIT-X", employeeNik = "123" }), "unitCode", "user-unit-unknown");
        Assert.Equal(2, both.GetProperty("errors").EnumerateObject().Count());
        Assert.Equal("Nama profil.salah", (await UserAsync(id)).GetProperty("fullName").GetString());

        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/users/{id}/profile") { Content = JsonContent.Create(new { unitCode = "UNIT-X" }) };
        request.Headers.AcceptLanguage.ParseAdd("id-ID");
        Assert.Equal("unitCode 'UNIT-X' bukan unit (OPD) yang terdaftar; gunakan kode unit yang ada, mis. DISDIKBUD.",
            (await JsonAsync(await _admin.SendAsync(request), HttpStatusCode.BadRequest)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_nik_linked_to_another_user_is_409_naming_that_user()
    {
        var id = await host.CreateUserAsync("profil.kembar", null, null, Roles.Employee);
        var conflict = await JsonAsync(await PutProfileAsync(id, new { employeeNik = OrganisationHost.Nik(1) }), HttpStatusCode.Conflict);
        Assert.Equal(("user-nik-linked", "employeeNik", "pegawai.a1"),
            (conflict.GetProperty("code").GetString(), conflict.GetProperty("field").GetString(), conflict.GetProperty("userName").GetString()));
        Assert.Contains("'pegawai.a1'", conflict.GetProperty("title").GetString());

        var created = await _admin.PostAsJsonAsync("/api/users", new { userName = "profil.kembar2", password = OrganisationHost.Password, employeeNik = OrganisationHost.Nik(1) });
        Assert.Equal("pegawai.a1", (await JsonAsync(created, HttpStatusCode.Conflict)).GetProperty("userName").GetString());
        Assert.Equal("0: ", await ListAsync("q=profil.kembar2"));
    }

    [Fact]
    public async Task A_unit_scoped_role_needs_a_unit_on_create_on_new_roles_and_when_the_unit_is_cleared()
    {
        var create = await _admin.PostAsJsonAsync("/api/users", new { userName = "profil.kepala", password = OrganisationHost.Password, roles = new[] { Roles.UnitHead } });
        Assert.Contains("unit-head", (await InvalidAsync(create, "unitCode", "user-unit-required")).GetProperty("title").GetString());
        Assert.Equal("0: ", await ListAsync("q=profil.kepala"));

        var id = await host.CreateUserAsync("profil.penilai", null, null, Roles.Verifier);
        await InvalidAsync(await _admin.PutAsJsonAsync($"/api/users/{id}/roles", new { roles = new[] { Roles.Verifier, Roles.Evaluator } }), "roles", "user-unit-required");
        Assert.Equal(["verifier"], (await UserAsync(id)).GetProperty("roles").EnumerateArray().Select(r => r.GetString()));

        await JsonAsync(await PutProfileAsync(id, new { unitCode = OrganisationHost.UnitA }), HttpStatusCode.OK);
        await JsonAsync(await _admin.PutAsJsonAsync($"/api/users/{id}/roles", new { roles = new[] { Roles.Evaluator } }), HttpStatusCode.OK);
        await InvalidAsync(await PutProfileAsync(id, new { fullName = "Penilai", unitCode = (string?)null }), "unitCode", "user-unit-required");
        Assert.Equal(OrganisationHost.UnitA, (await UserAsync(id)).GetProperty("unitCode").GetString());
    }
}
