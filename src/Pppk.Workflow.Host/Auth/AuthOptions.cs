namespace Pppk.Workflow.Host.Auth;

/// <summary>The <c>Auth</c> section.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>A key with every role, for first start-up and scripted tests (environment <c>Auth__BootstrapApiKey</c>). Unset: none.</summary>
    public string? BootstrapApiKey { get; set; }

    /// <summary>Keys of machine clients (CAT score import, BKN notices), each with its roles.</summary>
    public List<ApiKeyOptions> ApiKeys { get; set; } = [];

    /// <summary>The administrator seeded on first start.</summary>
    public AdminOptions Admin { get; set; } = new();

    /// <summary>How often one client may try to sign in (there is no account lock-out a stranger could trigger).</summary>
    public SignInLimitOptions SignInLimit { get; set; } = new();

    /// <summary>Idle and absolute lifetimes of a browser's sign-in.</summary>
    public SessionLifetimeOptions Session { get; set; } = new();
}

public sealed class ApiKeyOptions
{
    public string Name { get; set; } = "";
    public string Key { get; set; } = "";
    public List<string> Roles { get; set; } = [];
}

public sealed class AdminOptions
{
    public string UserName { get; set; } = "admin";
    public string Email { get; set; } = "admin@localhost";

    /// <summary>Unset: a random password is generated on first start and written to <see cref="PasswordFile"/>.</summary>
    public string? Password { get; set; }

    public string PasswordFile { get; set; } = "data/initial-admin-password.txt";
}
