using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Pppk.Workflow.Auth;
using Pppk.Workflow.Host.Users;
using Pppk.Workflow.Testing;

namespace Pppk.Workflow.Host.Tests;

/// <summary>
/// A browser session is checked against its user at every request: sign-out, a new password, a lock-out or the user's
/// removal end it (an old copy of the cookie included), and new roles apply to the next request.
/// </summary>
public sealed class SessionTests(TestHost host) : IClassFixture<TestHost>
{
    private const string Password = "Sesi-Rahasia-2026";

    [Fact]
    public async Task After_sign_out_an_old_copy_of_the_cookie_is_401()
    {
        await CreateUserAsync("sesi.keluar", Roles.HrAdmin);
        using var browser = await CookieSession.SignInAsync(host.Url, "sesi.keluar", Password);
        Assert.Equal(HttpStatusCode.OK, await browser.StatusAsync("/api/employees"));
        using var copy = browser.Copy();

        Assert.Equal(HttpStatusCode.NoContent, (await browser.SendAsync(HttpMethod.Post, "/api/auth/logout")).StatusCode);
        Assert.Null(browser.Cookie);
        Assert.Equal(HttpStatusCode.Unauthorized, await copy.StatusAsync("/api/employees"));
        Assert.Equal(HttpStatusCode.Unauthorized, await copy.StatusAsync("/api/auth/me"));

        // Signing in again gives a working session.
        using var again = await CookieSession.SignInAsync(host.Url, "sesi.keluar", Password);
        Assert.Equal(HttpStatusCode.OK, await again.StatusAsync("/api/employees"));
    }

    [Fact]
    public async Task New_roles_apply_to_an_open_session_at_its_next_request()
    {
        var id = await CreateUserAsync("sesi.verifikator", Roles.Verifier);
        using var browser = await CookieSession.SignInAsync(host.Url, "sesi.verifikator", Password);
        Assert.Equal(HttpStatusCode.OK, await browser.StatusAsync("/api/applicants"));
        Assert.Equal(HttpStatusCode.Forbidden, await browser.StatusAsync("/api/users"));

        await SetRolesAsync(id, Roles.Employee);
        Assert.Equal(HttpStatusCode.Forbidden, await browser.StatusAsync("/api/applicants"));
        var me = (await (await browser.SendAsync(HttpMethod.Get, "/api/auth/me")).Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(["employee"], me["roles"]!.AsArray().Select(r => (string)r!));

        await SetRolesAsync(id, Roles.HrAdmin);
        Assert.Equal(HttpStatusCode.OK, await browser.StatusAsync("/api/users"));
        Assert.Equal(HttpStatusCode.OK, await browser.StatusAsync("/api/applicants"));
    }

    [Fact]
    public async Task A_password_set_by_hr_admin_ends_the_users_sessions()
    {
        var id = await CreateUserAsync("sesi.lupa", Roles.Verifier);
        using var browser = await CookieSession.SignInAsync(host.Url, "sesi.lupa", Password);
        Assert.Equal(HttpStatusCode.OK, await browser.StatusAsync("/api/auth/me"));

        using var admin = host.Client();
        var tooShort = await admin.PutAsJsonAsync($"/api/users/{id}/password", new { password = "pendek" });
        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        Assert.Equal(HttpStatusCode.OK, await browser.StatusAsync("/api/auth/me"));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync($"/api/users/{id}/password", new { password = "Sandi-Baru-2026" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await browser.StatusAsync("/api/auth/me"));
        using var withNew = await CookieSession.SignInAsync(host.Url, "sesi.lupa", "Sandi-Baru-2026");
        Assert.Equal(HttpStatusCode.OK, await withNew.StatusAsync("/api/applicants"));
    }

    [Fact]
    public async Task A_user_changing_their_password_ends_their_other_sessions_and_keeps_this_one()
    {
        await CreateUserAsync("sesi.ganti", Roles.Verifier);
        using var desk = await CookieSession.SignInAsync(host.Url, "sesi.ganti", Password);
        using var phone = await CookieSession.SignInAsync(host.Url, "sesi.ganti", Password);
        using var deskCopy = desk.Copy();

        var wrong = await desk.SendAsync(HttpMethod.Post, "/api/auth/password", new { currentPassword = "bukan-sandinya", newPassword = "Sandi-Ganti-2026" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal("current-password-wrong", (string?)(await wrong.Content.ReadFromJsonAsync<JsonObject>())!["code"]);
        Assert.Equal(HttpStatusCode.OK, await phone.StatusAsync("/api/auth/me"));

        var changed = await desk.SendAsync(HttpMethod.Post, "/api/auth/password", new { currentPassword = Password, newPassword = "Sandi-Ganti-2026" });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, await desk.StatusAsync("/api/applicants"));
        Assert.Equal(HttpStatusCode.Unauthorized, await phone.StatusAsync("/api/applicants"));
        Assert.Equal(HttpStatusCode.Unauthorized, await deskCopy.StatusAsync("/api/applicants"));
    }

    [Fact]
    public async Task An_api_key_has_no_password_to_change()
    {
        using var machine = host.Client();
        var response = await machine.PostAsJsonAsync("/api/auth/password", new { currentPassword = "x", newPassword = "Sandi-Ganti-2026" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("password-change-needs-sign-in", (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["code"]);
    }

    [Fact]
    public async Task A_lock_out_ends_the_session_and_refuses_sign_in_until_unlocked()
    {
        var id = await CreateUserAsync("sesi.kunci", Roles.Verifier);
        using var browser = await CookieSession.SignInAsync(host.Url, "sesi.kunci", Password);
        using var admin = host.Client();

        var locked = await admin.PutAsJsonAsync($"/api/users/{id}/lockout", new { locked = true });
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.True((bool)(await locked.Content.ReadFromJsonAsync<JsonObject>())!["lockedOut"]!);
        Assert.Equal(HttpStatusCode.Unauthorized, await browser.StatusAsync("/api/auth/me"));
        using var anonymous = host.Client(apiKey: null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/auth/login", new { userName = "sesi.kunci", password = Password })).StatusCode);

        var unlocked = await admin.PutAsJsonAsync($"/api/users/{id}/lockout", new { locked = false });
        Assert.False((bool)(await unlocked.Content.ReadFromJsonAsync<JsonObject>())!["lockedOut"]!);
        using var again = await CookieSession.SignInAsync(host.Url, "sesi.kunci", Password);
        Assert.Equal(HttpStatusCode.OK, await again.StatusAsync("/api/auth/me"));
        Assert.Equal(HttpStatusCode.Unauthorized, await browser.StatusAsync("/api/auth/me"));
    }

    [Fact]
    public async Task A_removed_users_session_is_401()
    {
        var id = await CreateUserAsync("sesi.hapus", Roles.Verifier);
        using var browser = await CookieSession.SignInAsync(host.Url, "sesi.hapus", Password);
        await using (var scope = host.Host.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            Assert.True((await users.DeleteAsync((await users.FindByIdAsync(id))!)).Succeeded);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, await browser.StatusAsync("/api/auth/me"));
    }

    private async Task<string> CreateUserAsync(string userName, string role)
    {
        using var admin = host.Client();
        var response = await admin.PostAsJsonAsync("/api/users", new { userName, password = Password, roles = new[] { role } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
    }

    private async Task SetRolesAsync(string id, params string[] roles)
    {
        using var admin = host.Client();
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/users/{id}/roles", new { roles })).StatusCode);
    }
}
