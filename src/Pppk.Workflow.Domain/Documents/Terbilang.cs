namespace Pppk.Workflow.Domain.Documents;

/// <summary>A whole number in Indonesian words, as written on an SK after the rupiah amount ("empat juta lima ratus ribu").</summary>
public static class Terbilang
{
    private static readonly string[] Units =
        ["nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh", "sebelas"];

    private static readonly (long Size, string Name)[] Scales =
        [(1_000_000_000_000, "triliun"), (1_000_000_000, "miliar"), (1_000_000, "juta")];

    /// <summary>The number in words; zero is "nol". Negative numbers are refused: an amount on a letter is never negative.</summary>
    public static string Of(long number)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(number);
        return number == 0 ? Units[0] : Words(number);
    }

    /// <summary>A rupiah amount in words, rounded to whole rupiah: "empat juta lima ratus ribu rupiah".</summary>
    public static string Rupiah(decimal amount) => Of((long)decimal.Round(amount, MidpointRounding.AwayFromZero)) + " rupiah";

    private static string Words(long n)
    {
        foreach (var (size, name) in Scales)
            if (n >= size)
                return Join(Words(n / size) + " " + name, n % size);
        if (n >= 2000) return Join(Words(n / 1000) + " ribu", n % 1000);
        if (n >= 1000) return Join("seribu", n % 1000);
        if (n >= 200) return Join(Units[n / 100] + " ratus", n % 100);
        if (n >= 100) return Join("seratus", n % 100);
        if (n >= 20) return Join(Units[n / 10] + " puluh", n % 10);
        if (n >= 12) return Units[n - 10] + " belas";
        return Units[n];
    }

    private static string Join(string head, long rest) => rest == 0 ? head : head + " " + Words(rest);
}
