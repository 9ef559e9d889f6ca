namespace Pppk.Workflow.Engine.Feel;

internal static partial class Builtins
{
    private static void RegisterBoolean()
    {
        Add("not", "negand", static (a, _) => a[0] is FeelBoolean b ? FeelBoolean.Of(!b.Value) : Args.Null);
        // Replaced at parse time by IsDefinedNode, which can tell a missing name from a null value.
        Add("is defined", "value", static (a, _) => FeelBoolean.Of(!a[0].IsNull), pure: false);
        // DMN 1.4 is(): same type and same value, and for times the same offset or zone (unlike '=').
        Add("is", "value1, value2", static (a, _) =>
        {
            if (a[0].Type != a[1].Type || FeelComparison.Equal(a[0], a[1]) != true)
                return FeelBoolean.False;
            return FeelBoolean.Of(a[0] switch
            {
                FeelDateTime x => x.Offset == ((FeelDateTime)a[1]).Offset && x.Zone == ((FeelDateTime)a[1]).Zone,
                FeelTime x => x.Offset == ((FeelTime)a[1]).Offset && x.Zone == ((FeelTime)a[1]).Zone,
                _ => true,
            });
        });
    }
}
