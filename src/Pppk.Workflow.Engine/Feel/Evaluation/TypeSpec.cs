namespace Pppk.Workflow.Engine.Feel;

/// <summary>
/// A type after <c>instance of</c> or in a parameter (DMN 1.5 §10.3.2.9.4): a built-in type, <c>list&lt;T&gt;</c>,
/// <c>context&lt;a: T&gt;</c>, <c>range&lt;T&gt;</c>, <c>function&lt;T&gt; -&gt; R</c>, or a name the scope resolves (a DMN item definition).
/// </summary>
internal abstract class TypeSpec
{
    /// <summary>True or false; null when a named type is unknown to the scope.</summary>
    public abstract bool? Accepts(FeelValue value, IFeelScope scope);
}

internal sealed class BuiltinTypeSpec(FeelType? type) : TypeSpec
{
    /// <summary>Null type: <c>Any</c>, every value but null.</summary>
    public FeelType? Type { get; } = type;

    public override bool? Accepts(FeelValue value, IFeelScope scope) => Type is { } t ? value.Type == t : !value.IsNull;
}

internal sealed class ListTypeSpec(TypeSpec item) : TypeSpec
{
    public override bool? Accepts(FeelValue value, IFeelScope scope)
    {
        if (value is not FeelList list)
            return false;
        EvaluationBudget.Current?.Spend(list.Count);
        foreach (var v in list.Span)
            if (!v.IsNull && item.Accepts(v, scope) != true)
                return false;
        return true;
    }
}

internal sealed class ContextTypeSpec((string Name, TypeSpec Type)[] entries) : TypeSpec
{
    public override bool? Accepts(FeelValue value, IFeelScope scope)
    {
        if (value is not FeelContext context)
            return false;
        foreach (var (name, type) in entries)
            if (!context.TryGet(name, out var v) || (!v.IsNull && type.Accepts(v, scope) != true))
                return false;
        return true;
    }
}

internal sealed class RangeTypeSpec(TypeSpec point) : TypeSpec
{
    public override bool? Accepts(FeelValue value, IFeelScope scope) =>
        value is FeelRange r && (r.Start.IsNull || point.Accepts(r.Start, scope) == true) && (r.End.IsNull || point.Accepts(r.End, scope) == true);
}

/// <summary>Parameter types of user functions are not checked, so any function of the right arity conforms.</summary>
internal sealed class FunctionTypeSpec(int? arity) : TypeSpec
{
    public override bool? Accepts(FeelValue value, IFeelScope scope) =>
        value is FeelFunction f && (arity is null || f.Parameters.Count == arity || f is BuiltinFunction);
}

internal sealed class NamedTypeSpec(string name) : TypeSpec
{
    public override bool? Accepts(FeelValue value, IFeelScope scope) =>
        scope is IFeelTypeScope types && types.TryIsInstance(value, name, out var result) ? result : null;
}
