using System.Diagnostics.CodeAnalysis;

namespace Pppk.Workflow.Host.Auth;

/// <summary>Whether a return address a user gave (<c>returnUrl</c>) is a path on this site, safe to redirect to.</summary>
public static class LocalUrl
{
    public const int MaxLength = 2048;

    /// <summary>
    /// One leading slash, then printable ASCII without a backslash: browsers drop tabs and newlines inside a URL and trim
    /// spaces and control characters around it (so "/\t/evil.example" is "//evil.example", another site), and read a
    /// backslash as a slash. Paths the web front makes are percent-encoded, so they pass.
    /// </summary>
    public static bool IsLocalPath([NotNullWhen(true)] string? url) =>
        url is { Length: > 0 and <= MaxLength }
        && url[0] == '/'
        && !url.StartsWith("//", StringComparison.Ordinal)
        && url.All(c => c is > ' ' and < '\u007f' and not '\\')
        && Uri.IsWellFormedUriString(url, UriKind.Relative);
}
