namespace Pppk.Workflow.Engine.Feel;

/// <summary>
/// Arithmetic over numbers, strings (+ concatenates) and temporal values (DMN 1.5 §10.3.2.3, tables 57-61).
/// Every unsupported combination, null operand, division by zero or overflow yields FEEL null.
/// </summary>
internal static class FeelArithmetic
{
    public static FeelValue Negate(FeelValue v)
    {
        try
        {
            return v switch
            {
                FeelNumber n => FeelNumber.Of(-n.Value),
                FeelDaysAndTimeDuration d => new FeelDaysAndTimeDuration(-d.Value),
                FeelYearsAndMonthsDuration d => new FeelYearsAndMonthsDuration(checked(-d.TotalMonths)),
                _ => FeelValue.Null,
            };
        }
        catch (OverflowException)
        {
            return FeelValue.Null;
        }
    }

    public static FeelValue Add(FeelValue a, FeelValue b)
    {
        try
        {
            switch (a)
            {
                case FeelNumber x when b is FeelNumber y:
                    return FeelNumber.Of(x.Value + y.Value);
                case FeelString x when b is FeelString y:
                    return new FeelString(x.Value + y.Value);
                case FeelDaysAndTimeDuration x when b is FeelDaysAndTimeDuration y:
                    return new FeelDaysAndTimeDuration(x.Value + y.Value);
                case FeelYearsAndMonthsDuration x when b is FeelYearsAndMonthsDuration y:
                    return new FeelYearsAndMonthsDuration(checked(x.TotalMonths + y.TotalMonths));
                case FeelDaysAndTimeDuration or FeelYearsAndMonthsDuration when b is FeelDate or FeelDateTime or FeelTime:
                    return Add(b, a);
                case FeelDate x when b is FeelYearsAndMonthsDuration y:
                    return new FeelDate(x.Value.AddMonths(y.TotalMonths));
                case FeelDate x when b is FeelDaysAndTimeDuration y:
                    // date + duration = date(date and time(date, 00:00Z) + duration): whole days only survive.
                    return new FeelDate(DateOnly.FromDateTime(x.Value.ToDateTime(TimeOnly.MinValue) + y.Value));
                case FeelDateTime x when b is FeelYearsAndMonthsDuration y:
                    return x.WithLocal(x.Local.AddMonths(y.TotalMonths));
                case FeelDateTime x when b is FeelDaysAndTimeDuration y:
                    return AddExact(x, y.Value);
                case FeelTime x when b is FeelDaysAndTimeDuration y:
                    return new FeelTime(x.Value.Add(y.Value), x.Offset, x.Zone);
            }
        }
        catch (Exception e) when (e is OverflowException or ArgumentOutOfRangeException) { }
        return FeelValue.Null;
    }

    /// <summary>A days-and-time duration is exact time: for a zoned value add on the instant, then re-read the wall clock.</summary>
    private static FeelDateTime AddExact(FeelDateTime x, TimeSpan d)
    {
        if (x.Zone is { } zone && FeelTemporal.FindZone(zone) is { } tz && x.Instant is { } instant)
        {
            var shifted = TimeZoneInfo.ConvertTime(instant + d, tz);
            return new FeelDateTime(shifted.DateTime, shifted.Offset, zone);
        }
        return new FeelDateTime(x.Local + d, x.Offset, null);
    }

    public static FeelValue Subtract(FeelValue a, FeelValue b)
    {
        try
        {
            switch (a)
            {
                case FeelNumber x when b is FeelNumber y:
                    return FeelNumber.Of(x.Value - y.Value);
                case FeelDate x when b is FeelDate y:
                    return new FeelDaysAndTimeDuration(TimeSpan.FromDays(x.Value.DayNumber - y.Value.DayNumber));
                case FeelDateTime x when b is FeelDateTime y:
                    if (x.Offset is { } xo && y.Offset is { } yo)
                        return new FeelDaysAndTimeDuration(x.Local - xo - (y.Local - yo));
                    if (x.Offset is null && y.Offset is null)
                        return new FeelDaysAndTimeDuration(x.Local - y.Local);
                    return FeelValue.Null;
                // A date is midnight UTC here (DMN 1.5 §10.3.2.3.6, the TCK): so a local date and time minus a date is null.
                case FeelDateTime x when b is FeelDate y:
                    return Subtract(x, new FeelDateTime(y.Value.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero, null));
                case FeelDate x when b is FeelDateTime y:
                    return Subtract(new FeelDateTime(x.Value.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero, null), y);
                case FeelTime x when b is FeelTime y:
                    if (x.Offset.HasValue != y.Offset.HasValue)
                        return FeelValue.Null;
                    return new FeelDaysAndTimeDuration(x.Comparable - y.Comparable);
                case FeelDaysAndTimeDuration x when b is FeelDaysAndTimeDuration y:
                    return new FeelDaysAndTimeDuration(x.Value - y.Value);
                case FeelYearsAndMonthsDuration x when b is FeelYearsAndMonthsDuration y:
                    return new FeelYearsAndMonthsDuration(checked(x.TotalMonths - y.TotalMonths));
                case FeelDate or FeelDateTime or FeelTime when b is FeelDaysAndTimeDuration or FeelYearsAndMonthsDuration:
                    return Add(a, Negate(b));
            }
        }
        catch (Exception e) when (e is OverflowException or ArgumentOutOfRangeException) { }
        return FeelValue.Null;
    }

    public static FeelValue Multiply(FeelValue a, FeelValue b)
    {
        try
        {
            switch (a)
            {
                case FeelNumber x when b is FeelNumber y:
                    return FeelNumber.Of(x.Value * y.Value);
                case FeelNumber when b is FeelDaysAndTimeDuration or FeelYearsAndMonthsDuration:
                    return Multiply(b, a);
                case FeelDaysAndTimeDuration x when b is FeelNumber y:
                    return new FeelDaysAndTimeDuration(TimeSpan.FromTicks((long)decimal.Round(x.Value.Ticks * y.Value)));
                case FeelYearsAndMonthsDuration x when b is FeelNumber y:
                    return new FeelYearsAndMonthsDuration((int)decimal.Truncate(x.TotalMonths * y.Value));
            }
        }
        catch (OverflowException) { }
        return FeelValue.Null;
    }

    public static FeelValue Divide(FeelValue a, FeelValue b)
    {
        try
        {
            switch (a)
            {
                case FeelNumber x when b is FeelNumber y:
                    return y.Value == 0 ? FeelValue.Null : FeelNumber.Of(x.Value / y.Value);
                case FeelDaysAndTimeDuration x when b is FeelNumber y:
                    return y.Value == 0 ? FeelValue.Null : new FeelDaysAndTimeDuration(TimeSpan.FromTicks((long)decimal.Round(x.Value.Ticks / y.Value)));
                case FeelYearsAndMonthsDuration x when b is FeelNumber y:
                    return y.Value == 0 ? FeelValue.Null : new FeelYearsAndMonthsDuration((int)decimal.Truncate(x.TotalMonths / y.Value));
                case FeelDaysAndTimeDuration x when b is FeelDaysAndTimeDuration y:
                    return y.Value == TimeSpan.Zero ? FeelValue.Null : FeelNumber.Of((decimal)x.Value.Ticks / y.Value.Ticks);
                case FeelYearsAndMonthsDuration x when b is FeelYearsAndMonthsDuration y:
                    return y.TotalMonths == 0 ? FeelValue.Null : FeelNumber.Of((decimal)x.TotalMonths / y.TotalMonths);
            }
        }
        catch (OverflowException) { }
        return FeelValue.Null;
    }

    /// <summary>Exact for whole exponents (repeated multiplication); otherwise via double, as the standard allows.</summary>
    public static FeelValue Power(FeelValue a, FeelValue b)
    {
        if (a is not FeelNumber x || b is not FeelNumber y)
            return FeelValue.Null;
        try
        {
            if (decimal.Truncate(y.Value) == y.Value && Math.Abs(y.Value) <= 1000)
            {
                var n = (int)Math.Abs(y.Value);
                decimal result = 1, factor = x.Value;
                while (n > 0)
                {
                    if ((n & 1) == 1)
                        result *= factor;
                    n >>= 1;
                    if (n > 0)
                        factor *= factor;
                }
                if (y.Value < 0)
                    return result == 0 ? FeelValue.Null : FeelNumber.Of(1 / result);
                return FeelNumber.Of(result);
            }
            var d = Math.Pow((double)x.Value, (double)y.Value);
            return double.IsFinite(d) ? FeelNumber.Of((decimal)d) : FeelValue.Null;
        }
        catch (OverflowException) { }
        return FeelValue.Null;
    }
}
