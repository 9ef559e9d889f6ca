using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Pppk.Workflow.Host.Tests.Organisation;

/// <summary>
/// Issue 19, the users screen's API: create with a temporary password the user must change at the first sign-in, edit,
/// deactivate/reactivate, reset and unlock, each audited; validation in Indonesian with a code; hr-admin only; and
/// substitutes: one per user at a time (overlap refused), ended early.
/// </summary>
public sealed class UserAdminTests(OrganisationHost host) : IClassFixture<OrganisationHost>
{
    private readonly HttpClient _admin = Indonesian(host.Client());

    private static HttpClient Indonesian(HttpClient client)
    {
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("id");
        return client;
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    private async Task<JsonElement> CreateAsync(object body) => await JsonAsync(await _admin.PostAsJsonAsync("/api/users", body), HttpStatusCode.Created);

    private async Task<(string Code, string Title)> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var problem = await JsonAsync(response, status);
        return (problem.GetProperty("code").GetString()!, problem.GetProperty("title").GetString()!);
    }

    private async Task<List<string>> AuditAsync(string userName)
    {
        var page = await JsonAsync(await _admin.GetAsync($"/api/users/audit?userName={userName}"), HttpStatusCode.OK);
        return page.GetProperty("items").EnumerateArray().Select(a => $"{a.GetProperty("action").GetString()} by {a.GetProperty("actor").GetString()}").Reverse().ToList();
    }

    private async Task<HttpStatusCode> SignInAsync(string userName, string password)
    {
        using var client = host.Client(apiKey: null);
        return (await client.PostAsJsonAsync("/api/auth/login", new { userName, password })).StatusCode;
    }

    [Fact]
    public async Task A_user_created_without_a_password_gets_a_temporary_one_and_must_change_it_before_anything_else()
    {
        var created = await CreateAsync(new
        {
            userName = "baru.kepala", fullName = "Rahmat Kepala", email = "rahmat@kukarkab.go.id", unitCode = OrganisationHost.UnitA,
            employeeNik = OrganisationHost.Nik(2), roles = new[] { "unit-head" },
        });
        var temporary = created.GetProperty("temporaryPassword").GetString()!;
        Assert.Equal(14, temporary.Length);
        Assert.True(created.GetProperty("mustChangePassword").GetBoolean());
        Assert.Equal(("Dinas A", "Pegawai A2"), (created.GetProperty("unitName").GetString(), created.GetProperty("employeeName").GetString()));
        // The list never shows it again.
        var listed = await JsonAsync(await _admin.GetAsync("/api/users?q=baru.kepala"), HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("items")[0].GetProperty("temporaryPassword").ValueKind);

        using var user = await host.SignedInClientAsync("baru.kepala", temporary);
        Assert.True((await user.GetFromJsonAsync<JsonElement>("/api/auth/me")).GetProperty("mustChangePassword").GetBoolean());
        user.DefaultRequestHeaders.AcceptLanguage.ParseAdd("id");
        var (code, title) = await ProblemAsync(await user.GetAsync("/api/tasks"), HttpStatusCode.Forbidden);
        Assert.Equal("password-change-required", code);
        Assert.StartsWith("Anda masuk dengan kata sandi sementara", title);

        Assert.Equal(HttpStatusCode.NoContent, (await user.PostAsJsonAsync("/api/auth/password", new { currentPassword = temporary, newPassword = "Sandi-Sendiri-2026" })).StatusCode);
        Assert.False((await user.GetFromJsonAsync<JsonElement>("/api/auth/me")).GetProperty("mustChangePassword").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/api/tasks")).StatusCode);
        Assert.Equal(["create by bootstrap"], await AuditAsync("baru.kepala"));
    }

    [Fact]
    public async Task Edits_deactivation_reset_lock_and_unlock_apply_and_are_audited()
    {
        var id = (await CreateAsync(new { userName = "ubah.saya", password = "Awal-Sandi-2026", roles = new[] { "verifier" } })).GetProperty("id").GetString();
        var profile = await JsonAsync(await _admin.PutAsJsonAsync($"/api/users/{id}/profile", new { fullName = "Ubah Saya", unitCode = OrganisationHost.UnitB }), HttpStatusCode.OK);
        Assert.Equal("Dinas B", profile.GetProperty("unitName").GetString());
        await JsonAsync(await _admin.PutAsJsonAsync($"/api/users/{id}/roles", new { roles = new[] { "evaluator" } }), HttpStatusCode.OK);

        var off = await JsonAsync(await _admin.PutAsJsonAsync($"/api/users/{id}/active", new { active = false }), HttpStatusCode.OK);
        Assert.False(off.GetProperty("active").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInAsync("ubah.saya", "Awal-Sandi-2026"));
        Assert.Equal("1: ubah.saya", await NamesAsync("active=false&q=ubah"));
        Assert.Equal("0: ", await NamesAsync("active=true&q=ubah"));
        await JsonAsync(await _admin.PutAsJsonAsync($"/api/users/{id}/active", new { active = true }), HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, await SignInAsync("ubah.saya", "Awal-Sandi-2026"));

        var reset = await JsonAsync(await _admin.PostAsync($"/api/users/{id}/password-reset", null), HttpStatusCode.OK);
        var temporary = reset.GetProperty("temporaryPassword").GetString()!;
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInAsync("ubah.saya", "Awal-Sandi-2026"));
        Assert.Equal(HttpStatusCode.OK, await SignInAsync("ubah.saya", temporary));

        var locked = await JsonAsync(await _admin.PutAsJsonAsync($"/api/users/{id}/lockout", new { locked = true }), HttpStatusCode.OK);
        Assert.True(locked.GetProperty("lockedOut").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInAsync("ubah.saya", temporary));
        await JsonAsync(await _admin.PutAsJsonAsync($"/api/users/{id}/lockout", new { locked = false }), HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, await SignInAsync("ubah.saya", temporary));

        Assert.Equal(["create by bootstrap", "profile by bootstrap", "roles by bootstrap", "deactivate by bootstrap", "reactivate by bootstrap",
            "password-reset by bootstrap", "lock by bootstrap", "unlock by bootstrap"], await AuditAsync("ubah.saya"));
        var audit = await JsonAsync(await _admin.GetAsync("/api/users/audit?userName=ubah.saya"), HttpStatusCode.OK);
        var roles = audit.GetProperty("items").EnumerateArray().Single(a => a.GetProperty("action").GetString() == "roles").GetProperty("details");
        Assert.Equal(("verifier", "evaluator"), (roles.GetProperty("previous")[0].GetString(), roles.GetProperty("roles")[0].GetString()));
        // Never a password in the record.
        Assert.DoesNotContain(temporary, audit.ToString());
    }

    private async Task<string> NamesAsync(string query)
    {
        var page = await JsonAsync(await _admin.GetAsync("/api/users?" + query), HttpStatusCode.OK);
        return $"{page.GetProperty("total").GetInt32()}: {string.Join(", ", page.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("userName").GetString()))}";
    }

    [Fact]
    public async Task The_list_finds_users_by_email_and_by_the_linked_employees_name_or_NIK()
    {
        await CreateAsync(new { userName = "cari.email", email = "khusus.cari@kukarkab.go.id", roles = Array.Empty<string>() });
        Assert.Equal("1: cari.email", await NamesAsync("q=KHUSUS.cari"));
        Assert.Equal("1: pegawai.a1", await NamesAsync("q=Pegawai%20A1"));
        Assert.Equal("1: pegawai.a1", await NamesAsync($"q={OrganisationHost.Nik(1)}"));
    }

    [Theory]
    [InlineData("email.salah", "bukan email", null, "email", "user-email-invalid", "'bukan email' bukan alamat email yang benar")]
    [InlineData("pakai spasi", null, null, "userName", "user-name-invalid", "Nama pengguna 'pakai spasi' hanya boleh berisi huruf")]
    [InlineData("baru.unit", null, "TIDAK-ADA", "unitCode", "user-unit-unknown", "unitCode 'TIDAK-ADA' bukan unit")]
    public async Task Invalid_accounts_are_refused_in_Indonesian_naming_the_field(string userName, string? email, string? unitCode, string field, string code, string start)
    {
        var response = await _admin.PostAsJsonAsync("/api/users", new { userName, email, unitCode, roles = Array.Empty<string>() });
        var problem = await JsonAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal((code, field), (problem.GetProperty("code").GetString(), problem.GetProperty("field").GetString()));
        Assert.StartsWith(start, problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_taken_user_name_a_weak_password_and_deactivating_oneself_are_refused()
    {
        var (code, title) = await ProblemAsync(await _admin.PostAsJsonAsync("/api/users", new { userName = "ORG.VERIF" }), HttpStatusCode.BadRequest);
        Assert.Equal(("user-name-taken", "Nama pengguna 'ORG.VERIF' sudah dipakai; pilih nama lain."), (code, title));
        (code, _) = await ProblemAsync(await _admin.PostAsJsonAsync("/api/users", new { userName = "lemah", password = "pendek" }), HttpStatusCode.BadRequest);
        Assert.Equal("user-password-weak", code);

        using var hr = Indonesian(await host.SignedInClientAsync("org.hr", OrganisationHost.Password));
        (code, _) = await ProblemAsync(await hr.PutAsJsonAsync($"/api/users/{host.UserIds["org.hr"]}/active", new { active = false }), HttpStatusCode.Conflict);
        Assert.Equal("user-self-deactivate", code);
        (code, _) = await ProblemAsync(await _admin.PostAsync("/api/users/tidak-ada/password-reset", null), HttpStatusCode.NotFound);
        Assert.Equal("user-not-found", code);
    }

    [Theory]
    [InlineData("POST", "/api/users/{0}/password-reset")]
    [InlineData("PUT", "/api/users/{0}/active")]
    [InlineData("PUT", "/api/users/{0}/lockout")]
    [InlineData("GET", "/api/users/audit")]
    [InlineData("POST", "/api/users")]
    public async Task Only_hr_admin_manages_users(string method, string path)
    {
        using var verifier = await host.SignedInClientAsync("org.verif", OrganisationHost.Password);
        var request = new HttpRequestMessage(new HttpMethod(method), string.Format(path, host.UserIds["org.ppk"]))
            { Content = method == "GET" ? null : JsonContent.Create(new { active = false, locked = true }) };
        request.Headers.Add("X-Pppk-Csrf", "1");
        Assert.Equal(HttpStatusCode.Forbidden, (await verifier.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task A_second_substitute_for_an_overlapping_period_is_refused_and_one_in_force_ends_early()
    {
        var now = DateTimeOffset.UtcNow;
        var first = await JsonAsync(await _admin.PostAsJsonAsync("/api/substitutions", new
        {
            userName = "kepala.a", substituteUserName = "org.verif", from = now.AddDays(-1), to = now.AddDays(5), reason = "Plh. cuti tahunan",
        }), HttpStatusCode.Created);
        var overlap = await _admin.PostAsJsonAsync("/api/substitutions", new
        {
            userName = "kepala.a", substituteUserName = "org.ppk", from = now.AddDays(4), to = now.AddDays(9), reason = "Plh. dinas luar",
        });
        var (code, title) = await ProblemAsync(overlap, HttpStatusCode.Conflict);
        Assert.Equal("substitution-overlap", code);
        Assert.Contains("kepala.a sudah memiliki pengganti (org.verif)", title);
        Assert.Contains("WITA", title);
        // Right after it: no overlap (periods end exclusive).
        var after = await JsonAsync(await _admin.PostAsJsonAsync("/api/substitutions", new
        {
            userName = "kepala.a", substituteUserName = "org.ppk", from = first.GetProperty("to").GetDateTimeOffset(), to = now.AddDays(9), reason = "Plh. dinas luar",
        }), HttpStatusCode.Created);

        var ended = await JsonAsync(await _admin.PostAsync($"/api/substitutions/{first.GetProperty("id").GetString()}/end", null), HttpStatusCode.OK);
        Assert.False(ended.GetProperty("inForce").GetBoolean());
        Assert.True(ended.GetProperty("to").GetDateTimeOffset() <= DateTimeOffset.UtcNow);
        (code, _) = await ProblemAsync(await _admin.PostAsync($"/api/substitutions/{first.GetProperty("id").GetString()}/end", null), HttpStatusCode.Conflict);
        Assert.Equal("substitution-ended", code);
        // One that has not begun ends by going away.
        await JsonAsync(await _admin.PostAsync($"/api/substitutions/{after.GetProperty("id").GetString()}/end", null), HttpStatusCode.OK);
        var left = await JsonAsync(await _admin.GetAsync("/api/substitutions?userName=kepala.a"), HttpStatusCode.OK);
        Assert.Equal(1, left.GetProperty("total").GetInt32());

        Assert.Equal(["substitute-add by bootstrap", "substitute-add by bootstrap", "substitute-end by bootstrap", "substitute-end by bootstrap"],
            (await AuditAsync("kepala.a")).Where(a => a.StartsWith("substitute-")));
    }
}
