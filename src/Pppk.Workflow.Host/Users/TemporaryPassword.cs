using System.Security.Cryptography;

namespace Pppk.Workflow.Host.Users;

/// <summary>A one-time password hr-admin hands to a user (shown once): 14 characters meeting the password rules, without look-alikes (0/O, 1/l/I).</summary>
internal static class TemporaryPassword
{
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Lower = "abcdefghijkmnpqrstuvwxyz";
    private const string Digits = "23456789";

    public static string New()
    {
        // One of each kind the rules require, the rest from all three, then shuffled.
        var chars = new List<char> { Pick(Upper), Pick(Lower), Pick(Digits) };
        while (chars.Count < 14) chars.Add(Pick(Upper + Lower + Digits));
        var shuffled = chars.ToArray();
        RandomNumberGenerator.Shuffle(shuffled.AsSpan());
        return new string(shuffled);
    }

    private static char Pick(string from) => from[RandomNumberGenerator.GetInt32(from.Length)];
}
