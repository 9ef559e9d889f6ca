using Pppk.Workflow.Engine.Feel;

namespace Pppk.Workflow.Engine.Tests.Support;

/// <summary>How tests obtain a FEEL environment on the fake clock (kept in one place while the FEEL API settles).</summary>
public static class FeelSetup
{
    public static FeelEnvironment Environment(TimeProvider clock) => new(clock, TimeZoneInfo.Utc);
}
