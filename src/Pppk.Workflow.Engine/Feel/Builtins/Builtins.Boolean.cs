namespace Pppk.Workflow.Engine.Feel;

internal static partial class Builtins
{
    private static void RegisterBoolean()
    {
        Add("not", "negand", static (a, _) => a[0] is FeelBoolean b ? FeelBoolean.Of(!b.Value) : Args.Null);
        // Replaced at parse time by IsDefinedNode, which can tell a missing name from a null value.
        Add("is defined", "value", static (a, _) => FeelBoolean.Of(!a[0].IsNull), pure: false);
    }
}
