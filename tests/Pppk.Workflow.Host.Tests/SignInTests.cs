using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Pppk.Workflow.Testing;

namespace Pppk.Workflow.Host.Tests;

/// <summary>
/// Sign-in answers tell nothing about which user names exist, and throttling is by client (address, and address with
/// user name), never a lock-out of the account. Each test signs in from its own loopback address.
/// </summary>
public sealed class SignInTests(AuthTestHost host) : IClassFixture<AuthTestHost>
{
    private const string Password = "Benar-Sekali-2026";

    [Fact]
    public async Task An_unknown_user_and_a_wrong_password_get_the_same_answer()
    {
        await CreateUserAsync("samaran");
        using var client = host.ClientFrom("127.0.0.11");
        foreach (var language in new[] { "en", "id" })
        {
            var unknown = await LoginAsync(client, "tidak-ada-orangnya", "salah-sekali-123", language);
            var wrong = await LoginAsync(client, "samaran", "salah-sekali-123", language);
            Assert.Equal(HttpStatusCode.Unauthorized, unknown.Status);
            Assert.Equal(unknown.Status, wrong.Status);
            Assert.Equal(unknown.Body, wrong.Body);
        }
        var indonesian = await LoginAsync(client, "samaran", "salah-sekali-123", "id");
        Assert.Contains("\"title\":\"Nama pengguna atau kata sandi salah.\"", indonesian.Body);
        Assert.Contains("\"code\":\"sign-in-failed\"", indonesian.Body);

        // The plain form sign-in sends both back to the same place (from another address: this one used its attempts).
        using var form = host.ClientFrom("127.0.0.20");
        var unknownForm = await FormLoginAsync(form, "tidak-ada-orangnya", "salah-sekali-123", "/tugas");
        var wrongForm = await FormLoginAsync(form, "samaran", "salah-sekali-123", "/tugas");
        Assert.Equal(HttpStatusCode.Redirect, unknownForm.StatusCode);
        Assert.Equal(unknownForm.Headers.Location, wrongForm.Headers.Location);
    }

    [Fact]
    public async Task A_strangers_failures_throttle_the_stranger_but_do_not_lock_the_account()
    {
        await CreateUserAsync("korban");
        using var stranger = host.ClientFrom("127.0.0.12");
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(stranger, "korban", "tebakan-" + i)).Status);

        var throttled = await stranger.PostAsJsonAsync("/api/auth/login", new { userName = "KORBAN", password = "tebakan-lagi" });
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.True(throttled.Headers.RetryAfter?.Delta > TimeSpan.Zero, "a Retry-After in seconds");
        var problem = (await throttled.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("sign-in-throttled", (string?)problem["code"]);
        Assert.Equal(429, (int?)problem["status"]);
        // Even the right password waits, from the stranger's address: the count is not undone by guessing right.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await LoginAsync(stranger, "korban", Password)).Status);

        // The owner, elsewhere, signs in as usual; the stranger may still sign in as someone else.
        using var owner = host.ClientFrom("127.0.0.13");
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(owner, "korban", Password)).Status);
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(stranger, "admin", TestHost.AdminPassword)).Status);
    }

    [Fact]
    public async Task Unknown_user_names_are_throttled_like_known_ones()
    {
        using var stranger = host.ClientFrom("127.0.0.14");
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(stranger, "hantu", "tebakan-" + i)).Status);
        var throttled = await LoginAsync(stranger, "hantu", "tebakan-lagi", "id");
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.Status);
        Assert.Contains("Terlalu banyak percobaan masuk yang gagal untuk nama pengguna ini", throttled.Body);
    }

    [Fact]
    public async Task Every_attempt_from_one_address_counts_against_a_generous_limit()
    {
        using var office = host.ClientFrom("127.0.0.15");
        // 25 attempts (the test host's PerAddress limit), each for another user name so no account limit is reached.
        for (var i = 0; i < 25; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(office, "pegawai" + i, "salah-sekali-123")).Status);
        var limited = await LoginAsync(office, "admin", TestHost.AdminPassword, "id");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.Status);
        Assert.Contains("\"code\":\"sign-in-rate-limited\"", limited.Body);
        Assert.Contains("Terlalu banyak percobaan masuk dari alamat jaringan Anda", limited.Body);

        using var elsewhere = host.ClientFrom("127.0.0.16");
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(elsewhere, "admin", TestHost.AdminPassword)).Status);
    }

    [Fact]
    public async Task X_Forwarded_For_names_the_client_only_when_a_trusted_proxy_sends_it()
    {
        await CreateUserAsync("diproksi");
        // Not a trusted proxy: another X-Forwarded-For per attempt does not make another client.
        using var dodger = host.ClientFrom("127.0.0.17");
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(dodger, "diproksi", "tebakan-" + i, forwardedFor: $"203.0.113.{i + 1}")).Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await LoginAsync(dodger, "diproksi", "tebakan-lagi", forwardedFor: "203.0.113.99")).Status);

        // The trusted proxy (Host:TrustedProxies): each forwarded client is counted on its own.
        using var proxy = host.ClientFrom("127.0.0.40");
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(proxy, "diproksi", "tebakan-" + i, forwardedFor: "198.51.100.7")).Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await LoginAsync(proxy, "diproksi", Password, forwardedFor: "198.51.100.7")).Status);
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(proxy, "diproksi", Password, forwardedFor: "198.51.100.8")).Status);
    }

    [Theory]
    [InlineData("/\t/evil.example/landing", "127.0.0.21")]
    [InlineData("/\n/evil.example", "127.0.0.22")]
    [InlineData("//evil.example", "127.0.0.23")]
    [InlineData("/\\evil.example", "127.0.0.24")]
    [InlineData("https://evil.example/", "127.0.0.25")]
    public async Task A_form_sign_in_never_redirects_off_site(string returnUrl, string from)
    {
        using var client = host.ClientFrom(from);
        var signedIn = await FormLoginAsync(client, "admin", TestHost.AdminPassword, returnUrl);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/", signedIn.Headers.Location!.OriginalString);

        var failed = await FormLoginAsync(client, "admin", "salah-sekali-123", returnUrl);
        Assert.Equal("/login?error=invalid", failed.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_form_sign_in_keeps_a_local_return_path()
    {
        using var client = host.ClientFrom("127.0.0.19");
        var failed = await FormLoginAsync(client, "admin", "salah-sekali-123", "/tugas?unit=DISDIKBUD");
        Assert.Equal("/login?error=invalid&returnUrl=%2Ftugas%3Funit%3DDISDIKBUD", failed.Headers.Location!.OriginalString);
        var signedIn = await FormLoginAsync(client, "admin", TestHost.AdminPassword, "/tugas?unit=DISDIKBUD");
        Assert.Equal("/tugas?unit=DISDIKBUD", signedIn.Headers.Location!.OriginalString);
    }

    private async Task CreateUserAsync(string userName)
    {
        using var admin = host.Client();
        (await admin.PostAsJsonAsync("/api/users", new { userName, password = Password })).EnsureSuccessStatusCode();
    }

    private static async Task<(HttpStatusCode Status, string Body)> LoginAsync(HttpClient client, string userName, string password,
        string language = "en", string? forwardedFor = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login") { Content = JsonContent.Create(new { userName, password }) };
        request.Headers.AcceptLanguage.ParseAdd(language);
        if (forwardedFor is not null) request.Headers.Add("X-Forwarded-For", forwardedFor);
        var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        // The trace id differs on every answer and says nothing about the user.
        var json = JsonNode.Parse(body.Length > 0 ? body : "{}")!.AsObject();
        json.Remove("traceId");
        return (response.StatusCode, json.ToJsonString());
    }

    private static Task<HttpResponseMessage> FormLoginAsync(HttpClient client, string userName, string password, string returnUrl) =>
        client.PostAsync("/api/auth/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = userName, ["password"] = password, ["returnUrl"] = returnUrl,
        }));
}
