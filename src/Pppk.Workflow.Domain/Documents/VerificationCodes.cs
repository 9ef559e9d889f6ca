using System.Security.Cryptography;

namespace Pppk.Workflow.Domain.Documents;

/// <summary>The code printed under a document's QR: 128 random bits, URL-safe base64 (22 characters), so codes cannot be guessed or enumerated.</summary>
public static class VerificationCodes
{
    public const int Length = 22;

    public static string New() => Base64Url(RandomNumberGenerator.GetBytes(16));

    /// <summary>Whether <paramref name="code"/> could be a code at all, checked before any database look-up.</summary>
    public static bool IsWellFormed(string? code) =>
        code is { Length: Length } && code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
