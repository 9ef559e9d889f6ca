using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Pppk.Workflow.Host.Security;

namespace Pppk.Workflow.Host.Tests;

/// <summary>
/// A browser in miniature: the sign-in cookie sent by hand and kept up to date from Set-Cookie (renewals, sign-out), so
/// a test can also keep an old copy of it, as someone who copied the cookie would.
/// </summary>
internal sealed class CookieSession(Uri url) : IDisposable
{
    private const string Name = "pppk.auth=";

    private readonly HttpClient _http = new(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = url };

    public string? Cookie { get; private set; }

    public static async Task<CookieSession> SignInAsync(Uri url, string userName, string password)
    {
        var session = new CookieSession(url);
        var response = await session.SendAsync(HttpMethod.Post, "/api/auth/login", new { userName, password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(session.Cookie);
        return session;
    }

    /// <summary>Another browser holding the same cookie as this one holds now.</summary>
    public CookieSession Copy() => new(_http.BaseAddress!) { Cookie = Cookie };

    public async Task<HttpStatusCode> StatusAsync(string path) => (await SendAsync(HttpMethod.Get, path)).StatusCode;

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (Cookie is not null) request.Headers.Add("Cookie", Cookie);
        request.Headers.Add(CsrfGuard.Header, "1");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (body is not null) request.Content = JsonContent.Create(body);
        var response = await _http.SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
            foreach (var cookie in cookies.Where(c => c.StartsWith(Name, StringComparison.Ordinal)))
            {
                var value = cookie.Split(';')[0];
                Cookie = value == Name ? null : value;
            }
        return response;
    }

    public void Dispose() => _http.Dispose();
}
