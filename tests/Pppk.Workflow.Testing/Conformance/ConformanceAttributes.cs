using System.Runtime.CompilerServices;
using Xunit;

namespace Pppk.Workflow.Testing;

/// <summary>Names a public conformance suite in an attribute (attribute arguments must be constants).</summary>
public enum Suite
{
    BpmnMiwg,
    DmnTck,
}

internal static class Suites
{
    public static ConformanceSuite Of(Suite suite) => suite switch
    {
        Suite.BpmnMiwg => ConformanceSuite.BpmnMiwg,
        Suite.DmnTck => ConformanceSuite.DmnTck,
        _ => throw new ArgumentOutOfRangeException(nameof(suite), suite, null),
    };
}

/// <summary>A fact that needs a public conformance suite: skipped, saying where to get it, when the suite is absent (xunit v2 has no Assert.Skip).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ConformanceFactAttribute : FactAttribute
{
    public ConformanceFactAttribute(Suite suite, [CallerMemberName] string test = "")
    {
        var found = Suites.Of(suite);
        if (found.IsPresent) return;
        Skip = found.SkipReason;
        // The console logger prints a skipped test's name but not its reason: the name carries it.
        DisplayName = $"{test} (skipped: {found.SkipReason})";
    }
}

/// <summary>A theory over a public conformance suite: skipped as a whole, saying where to get the suite, when it is absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ConformanceTheoryAttribute : TheoryAttribute
{
    public ConformanceTheoryAttribute(Suite suite, [CallerMemberName] string test = "")
    {
        var found = Suites.Of(suite);
        if (found.IsPresent) return;
        Skip = found.SkipReason;
        // The console logger prints a skipped test's name but not its reason: the name carries it.
        DisplayName = $"{test} (skipped: {found.SkipReason})";
    }
}
