namespace Pppk.Workflow.Engine.Feel;

internal static partial class Builtins
{
    private static void RegisterNumber()
    {
        // decimal() rounds half to even, as the standard says.
        Add("decimal", "n, scale", static (a, _) => Round(a, MidpointRounding.ToEven, false));
        Add("floor", "n, scale?", static (a, _) => Round(a, MidpointRounding.ToNegativeInfinity, true));
        Add("ceiling", "n, scale?", static (a, _) => Round(a, MidpointRounding.ToPositiveInfinity, true));
        Add("round up", "n, scale", static (a, _) => Round(a, MidpointRounding.AwayFromZero, true));
        Add("round down", "n, scale", static (a, _) => Round(a, MidpointRounding.ToZero, true));
        Add("round half up", "n, scale", static (a, _) => Round(a, MidpointRounding.AwayFromZero, false));
        Add("round half down", "n, scale", static (a, _) => RoundHalfDown(a));
        Add("abs", "n", static (a, _) => a[0] switch
        {
            FeelNumber n => FeelNumber.Of(Math.Abs(n.Value)),
            FeelDaysAndTimeDuration d => new FeelDaysAndTimeDuration(d.Value.Duration()),
            FeelYearsAndMonthsDuration d => new FeelYearsAndMonthsDuration(Math.Abs(d.TotalMonths)),
            _ => Args.Null,
        });
        // modulo takes the sign of the divisor: dividend - divisor * floor(dividend / divisor).
        Add("modulo", "dividend, divisor", static (a, _) =>
        {
            if (!Args.Number(a[0], out var x) || !Args.Number(a[1], out var y) || y == 0)
                return Args.Null;
            var r = x % y;
            return FeelNumber.Of(r != 0 && (r < 0) != (y < 0) ? r + y : r);
        });
        Add("sqrt", "number", static (a, _) =>
            Args.Number(a[0], out var n) && n >= 0 ? FeelNumber.Of(Sqrt(n)) : Args.Null);
        Add("log", "number", static (a, _) =>
            Args.Number(a[0], out var n) && n > 0 ? FeelNumber.Of((decimal)Math.Log((double)n)) : Args.Null);
        Add("exp", "number", static (a, _) =>
        {
            if (!Args.Number(a[0], out var n))
                return Args.Null;
            var d = Math.Exp((double)n);
            return double.IsFinite(d) && d < 7.9e28 ? FeelNumber.Of((decimal)d) : Args.Null;
        });
        Add("odd", "number", static (a, _) =>
            Args.Number(a[0], out var n) && decimal.Truncate(n) == n ? Args.Bool(n % 2 != 0) : Args.Null);
        Add("even", "number", static (a, _) =>
            Args.Number(a[0], out var n) && decimal.Truncate(n) == n ? Args.Bool(n % 2 == 0) : Args.Null);
    }

    private static FeelValue Round(ReadOnlySpan<FeelValue> a, MidpointRounding mode, bool directed)
    {
        if (!Args.Number(a[0], out var n))
            return Args.Null;
        var scale = 0;
        if (a.Length > 1 && !Args.Integer(a[1], out scale))
            return Args.Null;
        if (scale is < -6111 or > 6176)
            return Args.Null;
        if (scale > 28)
            return FeelNumber.Of(n);
        if (scale < 0)
        {
            // Negative scale rounds to tens, hundreds, …: scale the value down, round, scale back.
            var factor = Pow10(-scale);
            if (factor == 0)
                return FeelNumber.Of(0);
            return FeelNumber.Of(Round(n / factor, 0, mode, directed) * factor);
        }
        return FeelNumber.Of(Round(n, scale, mode, directed));
    }

    /// <summary>.NET's AwayFromZero is a tie rule; "round up" is directed, so it is mapped to the infinity matching the sign.</summary>
    private static decimal Round(decimal n, int scale, MidpointRounding mode, bool directed) =>
        directed && mode == MidpointRounding.AwayFromZero
            ? decimal.Round(n, scale, n >= 0 ? MidpointRounding.ToPositiveInfinity : MidpointRounding.ToNegativeInfinity)
            : decimal.Round(n, scale, mode);

    private static FeelValue RoundHalfDown(ReadOnlySpan<FeelValue> a)
    {
        if (!Args.Number(a[0], out var n) || !Args.Integer(a[1], out var scale) || scale is < 0 or > 6176)
            return Args.Null;
        if (scale > 28)
            return FeelNumber.Of(n); // finer than a decimal holds: nothing to round
        var away = decimal.Round(n, scale, MidpointRounding.AwayFromZero);
        var toward = decimal.Round(n, scale, MidpointRounding.ToZero);
        // Exactly half way: towards zero; otherwise ordinary nearest rounding.
        var half = (away - toward) / 2;
        return FeelNumber.Of(away != toward && n - toward == half ? toward : away);
    }

    private static decimal Pow10(int exponent)
    {
        if (exponent > 28)
            return 0;
        decimal f = 1;
        for (var i = 0; i < exponent; i++)
            f *= 10;
        return f;
    }

    /// <summary>Newton iteration in decimal, so perfect squares stay exact (sqrt(16) = 4).</summary>
    private static decimal Sqrt(decimal n)
    {
        if (n == 0)
            return 0;
        var x = (decimal)Math.Sqrt((double)n);
        for (var i = 0; i < 4; i++)
        {
            if (x == 0)
                break;
            x = (x + n / x) / 2;
        }
        var rounded = decimal.Round(x, 20);
        return rounded * rounded == n ? rounded : x;
    }
}
