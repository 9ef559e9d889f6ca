namespace Pppk.Workflow.Host.Auth;

/// <summary>
/// <c>Auth:SignInLimit</c>: sign-in throttling by client. A client is its network address (IPv6 by its /64), as the host
/// sees it: behind a reverse proxy, list the proxy in <c>Host:TrustedProxies</c> or every user shares the proxy's address.
/// </summary>
public sealed class SignInLimitOptions
{
    /// <summary>
    /// Every sign-in attempt from one address, right or wrong. Generous: a whole office behind one NAT address signs in
    /// within the same minutes in the morning; it bounds password spraying and the CPU spent hashing passwords.
    /// </summary>
    public RateWindow PerAddress { get; set; } = new() { PermitLimit = 100, Window = TimeSpan.FromMinutes(1) };

    /// <summary>
    /// Failed sign-ins for one user name from one address. Strict: guessing one account's password is slow, yet a
    /// stranger elsewhere cannot keep its owner out (no account lock-out).
    /// </summary>
    public RateWindow PerAccount { get; set; } = new() { PermitLimit = 5, Window = TimeSpan.FromMinutes(15) };

    public const string Invalid = "Auth:SignInLimit: PerAddress and PerAccount each need a PermitLimit from 1 to 100000 and a Window from 00:00:01 to 1.00:00:00.";

    public bool IsValid => PerAddress.IsValid && PerAccount.IsValid;
}

/// <summary>At most <see cref="PermitLimit"/> in a fixed <see cref="Window"/>.</summary>
public sealed class RateWindow
{
    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; }

    public bool IsValid => PermitLimit is >= 1 and <= 100_000 && Window >= TimeSpan.FromSeconds(1) && Window <= TimeSpan.FromDays(1);
}
