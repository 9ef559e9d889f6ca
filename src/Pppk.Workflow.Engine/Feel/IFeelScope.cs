namespace Pppk.Workflow.Engine.Feel;

/// <summary>Where an expression finds its variables (the engine implements this over its nested variable scopes).</summary>
public interface IFeelScope
{
    bool TryResolve(string name, out FeelValue value);
}

/// <summary>Ready-made scopes.</summary>
public static class FeelScope
{
    /// <summary>A scope without variables.</summary>
    public static IFeelScope Empty { get; } = new EmptyScope();

    /// <summary>A scope over JSON variables (process variables).</summary>
    public static IFeelScope FromJson(System.Text.Json.Nodes.JsonObject variables) => new JsonFeelScope(variables);

    private sealed class EmptyScope : IFeelScope
    {
        public bool TryResolve(string name, out FeelValue value)
        {
            value = FeelValue.Null;
            return false;
        }
    }
}
