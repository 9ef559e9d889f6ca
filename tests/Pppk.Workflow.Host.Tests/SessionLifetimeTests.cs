using System.Diagnostics;
using System.Net;
using Pppk.Workflow.Testing;

namespace Pppk.Workflow.Host.Tests;

public sealed class SessionLifetimeTestHost : TestHost
{
    public static readonly TimeSpan Idle = TimeSpan.FromSeconds(3);
    public static readonly TimeSpan Absolute = TimeSpan.FromSeconds(7);

    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Auth:Session:IdleTimeout"] = Idle.ToString();
        settings["Auth:Session:AbsoluteLifetime"] = Absolute.ToString();
        return settings;
    }
}

/// <summary>Sessions end when idle for Auth:Session:IdleTimeout, and after Auth:Session:AbsoluteLifetime even when busy.</summary>
public sealed class SessionLifetimeTests(SessionLifetimeTestHost host) : IClassFixture<SessionLifetimeTestHost>
{
    [Fact]
    public async Task An_idle_session_ends()
    {
        using var browser = await CookieSession.SignInAsync(host.Url, "admin", TestHost.AdminPassword);
        Assert.Equal(HttpStatusCode.OK, await browser.StatusAsync("/api/auth/me"));
        await Task.Delay(SessionLifetimeTestHost.Idle + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Unauthorized, await browser.StatusAsync("/api/auth/me"));
    }

    [Fact]
    public async Task A_busy_session_outlives_the_idle_timeout_but_not_the_absolute_lifetime()
    {
        var sinceSignIn = Stopwatch.StartNew();
        using var browser = await CookieSession.SignInAsync(host.Url, "admin", TestHost.AdminPassword);
        while (sinceSignIn.Elapsed < SessionLifetimeTestHost.Idle * 1.5)
        {
            Assert.Equal(HttpStatusCode.OK, await browser.StatusAsync("/api/auth/me"));
            await Task.Delay(250);
        }

        var status = HttpStatusCode.OK;
        while (status == HttpStatusCode.OK && sinceSignIn.Elapsed < SessionLifetimeTestHost.Absolute * 3)
        {
            await Task.Delay(250);
            status = await browser.StatusAsync("/api/auth/me");
        }
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.True(sinceSignIn.Elapsed >= SessionLifetimeTestHost.Absolute, $"ended after {sinceSignIn.Elapsed}, before the absolute lifetime");
    }
}
