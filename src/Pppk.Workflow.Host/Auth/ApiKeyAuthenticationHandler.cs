using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Pppk.Workflow.Auth;

namespace Pppk.Workflow.Host.Auth;

/// <summary>Authenticates machine clients by the <c>X-Api-Key</c> header against the configured keys.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptionsMonitor<AuthOptions> auth)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var values) || values.Count == 0)
            return Task.FromResult(AuthenticateResult.NoResult());

        var presented = values.ToString();
        var match = FindKey(auth.CurrentValue, presented);
        if (match is null)
            return Task.FromResult(AuthenticateResult.Fail("The X-Api-Key is not a configured key."));

        var claims = new List<Claim> { new(ClaimTypes.Name, match.Name), new(ClaimTypes.NameIdentifier, "apikey:" + match.Name) };
        claims.AddRange(match.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    private static ApiKeyOptions? FindKey(AuthOptions options, string presented)
    {
        if (!string.IsNullOrEmpty(options.BootstrapApiKey) && FixedTimeEquals(options.BootstrapApiKey, presented))
            return new ApiKeyOptions { Name = "bootstrap", Key = options.BootstrapApiKey, Roles = [.. Roles.All] };
        return options.ApiKeys.FirstOrDefault(k => !string.IsNullOrEmpty(k.Key) && FixedTimeEquals(k.Key, presented));
    }

    /// <summary>Compares a presented key with the expected one in a time that depends on neither (hashed first); also the metrics scrape key's check.</summary>
    internal static bool FixedTimeEquals(string expected, string presented) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(expected)), SHA256.HashData(Encoding.UTF8.GetBytes(presented)));
}
