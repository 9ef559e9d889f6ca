namespace Pppk.Workflow.Host.Auth;

/// <summary><c>Auth:Session</c>: how long a browser's sign-in lasts.</summary>
public sealed class SessionLifetimeOptions
{
    /// <summary>A session without requests for this long ends (sliding: each request extends it).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A session ends this long after sign-in however busy it is; then the user signs in again.</summary>
    public TimeSpan AbsoluteLifetime { get; set; } = TimeSpan.FromHours(12);

    public const string Invalid = "Auth:Session: IdleTimeout needs 00:00:01 to 1.00:00:00, and AbsoluteLifetime from IdleTimeout to 30.00:00:00.";

    public bool IsValid =>
        IdleTimeout >= TimeSpan.FromSeconds(1) && IdleTimeout <= TimeSpan.FromDays(1)
        && AbsoluteLifetime >= IdleTimeout && AbsoluteLifetime <= TimeSpan.FromDays(30);

    /// <summary>
    /// How old a cookie may get before a request re-issues it. ASP.NET Core's own sliding waits for half the lifetime,
    /// which would end a session idle for only half of <see cref="IdleTimeout"/>; a tenth (at most a minute) keeps the
    /// idle end within that of the setting at the cost of a Set-Cookie now and then.
    /// </summary>
    public TimeSpan RenewAfter => TimeSpan.FromTicks(Math.Min(IdleTimeout.Ticks / 10, TimeSpan.TicksPerMinute));
}
