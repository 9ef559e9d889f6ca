namespace Pppk.Workflow.Engine.Feel;

/// <summary>
/// A scope that also knows named types (a DMN model's item definitions), for <c>instance of tMyType</c>. Without it a
/// named type is unknown and the test is null.
/// </summary>
public interface IFeelTypeScope : IFeelScope
{
    /// <summary>False when <paramref name="typeName"/> is not a type of this scope; else whether the value is an instance of it.</summary>
    bool TryIsInstance(FeelValue value, string typeName, out bool isInstance);
}
