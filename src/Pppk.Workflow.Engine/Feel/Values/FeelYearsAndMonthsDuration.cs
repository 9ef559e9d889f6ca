using System.Text.Json.Nodes;

namespace Pppk.Workflow.Engine.Feel;

public sealed class FeelYearsAndMonthsDuration(int totalMonths) : FeelValue
{
    public int TotalMonths { get; } = totalMonths;

    public override FeelType Type => FeelType.YearsAndMonthsDuration;

    public override JsonNode? ToJson() => JsonValue.Create(Iso);

    /// <summary>Canonical form: P1Y2M, P2Y, P0M, -P3M.</summary>
    public string Iso
    {
        get
        {
            if (TotalMonths == 0)
                return "P0M";
            var m = Math.Abs(TotalMonths);
            var text = (m / 12 > 0 ? $"{m / 12}Y" : "") + (m % 12 > 0 ? $"{m % 12}M" : "");
            return (TotalMonths < 0 ? "-P" : "P") + text;
        }
    }

    public override string ToString() => $"duration(\"{Iso}\")";
}
