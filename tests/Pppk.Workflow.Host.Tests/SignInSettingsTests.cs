using Microsoft.Extensions.Options;
using Pppk.Workflow.Testing;

namespace Pppk.Workflow.Host.Tests;

/// <summary>Throttling, session and proxy settings that cannot work stop the host at start-up, naming the setting.</summary>
public sealed class SignInSettingsTests
{
    [Fact]
    public async Task A_sign_in_limit_out_of_range_stops_the_host()
    {
        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(("Auth:SignInLimit:PerAccount:PermitLimit", "0")));
        Assert.Contains("Auth:SignInLimit", e.Message);
    }

    [Fact]
    public async Task A_session_lifetime_out_of_range_stops_the_host()
    {
        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(("Auth:Session:AbsoluteLifetime", "00:01:00")));
        Assert.Contains("Auth:Session", e.Message);
    }

    [Fact]
    public async Task A_trusted_proxy_that_is_not_an_address_stops_the_host()
    {
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(("Host:TrustedProxies", "10.0.0.1, proxy.local")));
        Assert.Contains("Host:TrustedProxies has 'proxy.local'", e.Message);
    }

    private static async Task StartAsync((string Key, string Value) setting)
    {
        var connection = await TestCluster.CreateDatabaseAsync("signinset");
        try
        {
            await using var host = await PppkHost.StartAsync([], new Dictionary<string, string?>
            {
                ["ConnectionStrings:Pppk"] = connection,
                ["Urls"] = "http://127.0.0.1:0",
                ["Auth:Admin:Password"] = TestHost.AdminPassword,
                ["Serilog:MinimumLevel:Default"] = "Fatal",
                ["Serilog:WriteTo:1:Args:path"] = TestHost.LogPath,
                [setting.Key] = setting.Value,
            });
        }
        finally
        {
            await TestCluster.DropDatabaseAsync(connection);
        }
    }
}
