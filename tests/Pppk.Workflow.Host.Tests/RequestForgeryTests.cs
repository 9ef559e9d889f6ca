using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Pppk.Workflow.Host.Security;
using Pppk.Workflow.Testing;

namespace Pppk.Workflow.Host.Tests;

/// <summary>
/// Cross-site request forgery: a change made with the sign-in cookie needs the X-Pppk-Csrf header, which another
/// site's page cannot send; a change the browser says came from another site is refused; API keys are not asked.
/// </summary>
public sealed class RequestForgeryTests(AuthTestHost host) : IClassFixture<AuthTestHost>
{
    [Fact]
    public async Task A_cookie_change_without_the_header_is_refused_and_changes_nothing()
    {
        using var browser = await CookieClientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/users") { Content = JsonContent.Create(new { userName = "palsu1", password = "Palsu-Sekali-2026" }) };
        request.Headers.AcceptLanguage.ParseAdd("id");
        var refused = await browser.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var problem = (await refused.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("csrf-proof-missing", (string?)problem["code"]);
        Assert.StartsWith("Permintaan ditolak demi keamanan (perlindungan CSRF)", (string?)problem["title"]);
        Assert.DoesNotContain("palsu1", await ListUsersAsync());

        var put = await browser.PutAsJsonAsync("/api/users/whatever/roles", new { roles = new[] { "verifier" } });
        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
    }

    [Fact]
    public async Task A_cookie_change_with_the_header_works()
    {
        using var browser = await CookieClientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/users") { Content = JsonContent.Create(new { userName = "asli1", password = "Asli-Sekali-2026" }) };
        request.Headers.Add(CsrfGuard.Header, "1");
        Assert.Equal(HttpStatusCode.Created, (await browser.SendAsync(request)).StatusCode);
        Assert.Contains("asli1", await ListUsersAsync());
    }

    [Fact]
    public async Task A_multipart_upload_with_the_cookie_needs_the_header_too()
    {
        using var browser = await CookieClientAsync();
        var refused = await browser.PostAsync("/api/definitions", Upload("csrf-a"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        using var api = host.Client();
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/definitions/csrf-a")).StatusCode);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/definitions") { Content = Upload("csrf-a") };
        request.Headers.Add(CsrfGuard.Header, "1");
        Assert.Equal(HttpStatusCode.Created, (await browser.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task API_key_clients_are_not_asked_for_the_header()
    {
        using var api = host.Client();
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync("/api/users", new { userName = "mesin1", password = "Mesin-Sekali-2026" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsync("/api/definitions", Upload("csrf-b"))).StatusCode);
    }

    [Fact]
    public async Task Without_a_cookie_a_change_is_still_a_401_not_a_forgery()
    {
        using var anonymous = host.Client(apiKey: null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/users", new { userName = "x" })).StatusCode);
    }

    [Theory]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    [InlineData("Origin", "https://evil.example")]
    [InlineData("Origin", "null")]
    public async Task A_change_another_site_sent_is_refused_even_with_the_header(string header, string value)
    {
        using var browser = await CookieClientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/users") { Content = JsonContent.Create(new { userName = "lintas1", password = "Lintas-Sekali-2026" }) };
        request.Headers.Add(CsrfGuard.Header, "1");
        request.Headers.Add(header, value);
        var refused = await browser.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("cross-site-request", (string?)(await refused.Content.ReadFromJsonAsync<JsonObject>())!["code"]);

        // Sign-in from another site's form (login forgery) is refused the same way.
        using var anonymous = host.Client(apiKey: null);
        using var login = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login") { Content = Form("admin", TestHost.AdminPassword) };
        login.Headers.Add(header, value);
        Assert.Equal(HttpStatusCode.Forbidden, (await anonymous.SendAsync(login)).StatusCode);
    }

    [Fact]
    public async Task The_plain_form_sign_in_and_sign_out_from_this_site_work_without_the_header()
    {
        using var browser = host.Client(apiKey: null);
        using var login = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login") { Content = Form("admin", TestHost.AdminPassword) };
        login.Headers.Add("Sec-Fetch-Site", "same-origin");
        login.Headers.Add("Origin", host.Url.GetLeftPart(UriPartial.Authority));
        var signedIn = await browser.SendAsync(login);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/auth/me")).StatusCode);

        // Sign-out only ends the session: the cross-site check is its protection, the header is not asked.
        using var logout = new HttpRequestMessage(HttpMethod.Post, "/api/auth/logout") { Content = new FormUrlEncodedContent([]) };
        logout.Headers.Add("Sec-Fetch-Site", "same-origin");
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SendAsync(logout)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task The_Hangfire_dashboard_guards_its_own_posts_with_antiforgery_tokens()
    {
        using var admin = await CookieClientAsync();
        var page = await admin.GetStringAsync("/hangfire/recurring");
        var token = Regex.Match(page, "<meta name=\"csrf-token\" content=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(token);
        var trigger = () => new FormUrlEncodedContent(new Dictionary<string, string> { ["jobs[]"] = "tidak-ada" });

        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostAsync("/hangfire/recurring/trigger", trigger())).StatusCode);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/hangfire/recurring/trigger") { Content = trigger() };
        request.Headers.Add("RequestVerificationToken", token);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.SendAsync(request)).StatusCode);
    }

    private async Task<HttpClient> CookieClientAsync()
    {
        var client = host.Client(apiKey: null);
        (await client.PostAsJsonAsync("/api/auth/login", new { userName = "admin", password = TestHost.AdminPassword })).EnsureSuccessStatusCode();
        return client;
    }

    private async Task<string> ListUsersAsync()
    {
        using var api = host.Client();
        return await api.GetStringAsync("/api/users?pageSize=500");
    }

    private static FormUrlEncodedContent Form(string userName, string password) =>
        new(new Dictionary<string, string> { ["userName"] = userName, ["password"] = password, ["returnUrl"] = "/" });

    private static MultipartFormDataContent Upload(string key)
    {
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(Bpmn.Process(key, """
            <bpmn:startEvent id="start"/><bpmn:endEvent id="end"/>
            """ + Bpmn.Flow("f1", "start", "end"))));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { file, "files", key + ".bpmn" } };
    }
}
