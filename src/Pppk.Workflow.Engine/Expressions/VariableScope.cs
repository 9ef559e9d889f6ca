using Pppk.Workflow.Engine.Feel;

namespace Pppk.Workflow.Engine.Expressions;

/// <summary>The engine's variables as FEEL names: a name is found and converted only when an expression reads it.</summary>
internal sealed class VariableScope(IVariableLookup variables) : IFeelScope
{
    public bool TryResolve(string name, out FeelValue value)
    {
        if (variables.TryGet(name, out var node))
        {
            value = FeelValue.FromJson(node);
            return true;
        }
        value = null!;
        return false;
    }
}
