using System.Net;
using System.Net.Http.Json;
using Pppk.Workflow.Testing;

namespace Pppk.Workflow.Host.Tests;

public sealed class AuthTestHost : TestHost
{
    public const string VerifierKey = "verifier-key-0123456789abcdef";

    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Auth:ApiKeys:0:Name"] = "verifier-tool";
        settings["Auth:ApiKeys:0:Key"] = VerifierKey;
        settings["Auth:ApiKeys:0:Roles:0"] = "verifier";
        // Low enough to reach in a test; each test throttles from its own loopback address (TestHost.ClientFrom).
        settings["Auth:SignInLimit:PerAddress:PermitLimit"] = "25";
        settings["Auth:SignInLimit:PerAccount:PermitLimit"] = "3";
        settings["Host:TrustedProxies"] = "127.0.0.40";
        return settings;
    }
}

public sealed class AuthTests(AuthTestHost host) : IClassFixture<AuthTestHost>
{
    [Fact]
    public async Task No_key_is_401()
    {
        using var client = host.Client(apiKey: null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task A_wrong_key_is_401()
    {
        using var client = host.Client(apiKey: "not-a-configured-key-at-all");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/users")).StatusCode);
    }

    [Fact]
    public async Task A_key_without_the_role_is_403_and_with_it_200()
    {
        using var verifier = host.Client(AuthTestHost.VerifierKey);
        Assert.Equal(HttpStatusCode.Forbidden, (await verifier.GetAsync("/api/users")).StatusCode);
        var me = await verifier.GetFromJsonAsync<Dictionary<string, object>>("/api/auth/me");
        Assert.Equal("verifier-tool", me!["name"].ToString());

        using var bootstrap = host.Client();
        Assert.Equal(HttpStatusCode.OK, (await bootstrap.GetAsync("/api/users")).StatusCode);
    }

    [Fact]
    public async Task The_dashboard_sends_anonymous_browsers_to_sign_in_refuses_other_roles_and_shows_to_hr_admin()
    {
        using var anonymous = host.Client(apiKey: null);
        var redirect = await anonymous.GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.StartsWith("/login", redirect.Headers.Location!.PathAndQuery);

        using var verifier = host.Client(AuthTestHost.VerifierKey);
        Assert.Equal(HttpStatusCode.Forbidden, (await verifier.GetAsync("/hangfire")).StatusCode);

        using var admin = await host.SignedInClientAsync();
        var page = await admin.GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Pppk.Workflow - Jobs", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_signed_in_user_gets_the_routes_of_their_roles_only()
    {
        using var admin = host.Client();
        var created = await admin.PostAsJsonAsync("/api/users", new { userName = "verif1", email = "verif1@example.org", password = "Verifier-2026!", roles = new[] { "verifier" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        using var browser = await host.SignedInClientAsync("verif1", "Verifier-2026!");
        var me = await browser.GetFromJsonAsync<Dictionary<string, object>>("/api/auth/me");
        Assert.Contains("verifier", me!["roles"].ToString());
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync("/api/users")).StatusCode);
    }

    [Fact]
    public async Task Unknown_roles_are_rejected_with_the_role_named()
    {
        using var admin = host.Client();
        var response = await admin.PostAsJsonAsync("/api/users", new { userName = "x1", password = "Whatever-2026!", roles = new[] { "bupati" } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("bupati", await response.Content.ReadAsStringAsync());
    }
}
