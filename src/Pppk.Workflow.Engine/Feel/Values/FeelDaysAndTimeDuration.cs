using System.Text;
using System.Text.Json.Nodes;

namespace Pppk.Workflow.Engine.Feel;

public sealed class FeelDaysAndTimeDuration(TimeSpan value) : FeelValue
{
    public TimeSpan Value { get; } = value;

    public override FeelType Type => FeelType.DaysAndTimeDuration;

    public override JsonNode? ToJson() => JsonValue.Create(Iso);

    /// <summary>Canonical ISO 8601 form, e.g. P1DT2H, -PT30M, PT0S.</summary>
    public string Iso
    {
        get
        {
            if (Value == TimeSpan.Zero)
                return "PT0S";
            var v = Value < TimeSpan.Zero ? Value.Negate() : Value;
            var sb = new StringBuilder(Value < TimeSpan.Zero ? "-P" : "P");
            if (v.Days > 0)
                sb.Append(v.Days).Append('D');
            if (v.Hours > 0 || v.Minutes > 0 || v.Seconds > 0 || v.Ticks % TimeSpan.TicksPerSecond != 0)
            {
                sb.Append('T');
                if (v.Hours > 0)
                    sb.Append(v.Hours).Append('H');
                if (v.Minutes > 0)
                    sb.Append(v.Minutes).Append('M');
                var ticks = v.Ticks % TimeSpan.TicksPerMinute;
                if (ticks > 0)
                    sb.Append(FeelNumber.Format(ticks / (decimal)TimeSpan.TicksPerSecond)).Append('S');
            }
            return sb.ToString();
        }
    }

    public override string ToString() => $"duration(\"{Iso}\")";
}
