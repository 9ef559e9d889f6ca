using Pppk.Workflow.Testing;

namespace Pppk.Workflow.Domain.Tests;

/// <summary>The real host with two extra machine clients: a verifier (reads the domain, may not import) and an employee (no staff role).</summary>
public class DomainTestHost : TestHost
{
    public const string VerifierKey = "domain-verifier-key-0123456789";
    public const string EmployeeKey = "domain-employee-key-0123456789";

    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Auth:ApiKeys:0:Name"] = "verifier-tool";
        settings["Auth:ApiKeys:0:Key"] = VerifierKey;
        settings["Auth:ApiKeys:0:Roles:0"] = "verifier";
        settings["Auth:ApiKeys:1:Name"] = "employee-app";
        settings["Auth:ApiKeys:1:Key"] = EmployeeKey;
        settings["Auth:ApiKeys:1:Roles:0"] = "employee";
        return settings;
    }

    public T Service<T>() where T : notnull => (T)Host.Services.GetService(typeof(T))!;
}

internal static class Csv
{
    public static string Lines(params string[] lines) => string.Join("\n", lines) + "\n";
}
