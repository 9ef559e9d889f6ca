using Pppk.Workflow.Engine.Feel;

namespace Pppk.Workflow.Engine.Dmn;

/// <summary>
/// A type a value must conform to (a FEEL type, an item definition: structure, collection, allowed values, function).
/// <see cref="Coerce"/> applies DMN 1.5 §10.3.2.9: singleton lists and single values convert, anything else not
/// conforming becomes null with a warning.
/// </summary>
internal abstract class DmnType
{
    public static readonly DmnType Any = new BuiltinType("Any", null);

    public abstract string Name { get; }

    public virtual bool IsCollection => false;

    /// <summary>The item type of a collection type (through aliases and constraints), else null.</summary>
    public virtual DmnType? ItemType => null;

    /// <summary>The FEEL temporal type this type resolves to (through aliases and constraints), else null.</summary>
    public virtual FeelType? Temporal => null;

    public abstract bool Conforms(FeelValue value, DmnRun run);

    /// <summary><c>instance of</c>: the type's shape only (allowed values do not make another type), every component present.</summary>
    public virtual bool IsInstance(FeelValue value, DmnRun run) => Conforms(value, run);

    public FeelValue Coerce(FeelValue value, DmnRun run, string where)
    {
        if (value.IsNull || ReferenceEquals(this, Any))
            return value;
        if (Conforms(value, run))
            return value;
        if (run.Options.IsoStringsAsTemporals && value is FeelString text && Temporal is { } temporal && FeelTemporal.Parse(text.Value, temporal) is { } parsed)
            return Coerce(parsed, run, where); // again: allowed values still apply
        if (!IsCollection && value is FeelList { Count: 1 } single && Conforms(single[0], run))
            return single[0];
        if (value is not FeelList && ItemType is { } item && item.Conforms(value, run))
            return new FeelList([value]);
        run.Warn($"{where}: the value {Shorten(value)} does not conform to type '{Name}'; it is null.");
        return FeelValue.Null;
    }

    private static string Shorten(FeelValue v)
    {
        var text = v.ToString();
        return text.Length > 80 ? text[..77] + "..." : text;
    }

    public override string ToString() => Name;
}

internal sealed class BuiltinType(string name, FeelType? type) : DmnType
{
    public override string Name => name;

    public FeelType? FeelType => type;

    public override FeelType? Temporal => FeelTemporal.IsTemporal(type) ? type : null;

    public override bool IsCollection => type == Feel.FeelType.List;

    public override bool Conforms(FeelValue value, DmnRun run) => type is null || value.IsNull || value.Type == type;

    private static readonly (string[] Names, FeelType? Type)[] Known =
    [
        (["number"], Feel.FeelType.Number), (["string"], Feel.FeelType.String), (["boolean"], Feel.FeelType.Boolean),
        (["date"], Feel.FeelType.Date), (["time"], Feel.FeelType.Time), (["dateTime", "date and time"], Feel.FeelType.DateTime),
        (["dayTimeDuration", "days and time duration"], Feel.FeelType.DaysAndTimeDuration),
        (["yearMonthDuration", "years and months duration"], Feel.FeelType.YearsAndMonthsDuration),
        (["context"], Feel.FeelType.Context), (["list"], Feel.FeelType.List), (["range"], Feel.FeelType.Range),
        (["function"], Feel.FeelType.Function), (["Any", "any"], null),
    ];

    public static DmnType? Find(string name)
    {
        foreach (var (names, type) in Known)
            if (names.Contains(name))
                return type is null ? Any : new BuiltinType(name, type);
        return null;
    }
}

/// <summary>A collection item definition (<c>isCollection</c>): a list whose items conform to the item type.</summary>
internal sealed class ListType(string name, DmnType item) : DmnType
{
    public override string Name => name;

    public DmnType Item { get; set; } = item;

    public override bool IsCollection => true;

    public override DmnType? ItemType => Item;

    public override bool Conforms(FeelValue value, DmnRun run)
    {
        if (value is not FeelList list)
            return false;
        foreach (var v in list.Items)
            if (!Item.Conforms(v, run))
                return false;
        return true;
    }

    public override bool IsInstance(FeelValue value, DmnRun run) =>
        value is FeelList list && list.Items.All(v => v.IsNull || Item.IsInstance(v, run));
}

/// <summary>A structured item definition: a context whose listed components conform (missing ones read as null, extra ones are allowed).</summary>
internal sealed class ContextType(string name) : DmnType
{
    public override string Name => name;

    public List<(string Name, DmnType Type)> Components { get; } = [];

    public override bool Conforms(FeelValue value, DmnRun run)
    {
        if (value is not FeelContext context)
            return false;
        foreach (var (n, t) in Components)
            if (context.TryGet(n, out var v) && !t.Conforms(v, run))
                return false;
        return true;
    }

    public override bool IsInstance(FeelValue value, DmnRun run) =>
        value is FeelContext context
        && Components.All(c => context.TryGet(c.Name, out var v) && (v.IsNull || c.Type.IsInstance(v, run)));
}

/// <summary>A type narrowed by allowed values (unary tests), on a base type (item definitions' typeRef).</summary>
internal sealed class ConstrainedType(string name, DmnType baseType, UnaryTests allowed) : DmnType
{
    public override string Name => name;

    public DmnType Base { get; set; } = baseType;

    public override bool IsCollection => Base.IsCollection;

    public override DmnType? ItemType => Base.ItemType;

    public override FeelType? Temporal => Base.Temporal;

    public override bool Conforms(FeelValue value, DmnRun run) =>
        value.IsNull || Base.Conforms(value, run) && allowed.Test(value, FeelScope.Empty, run) == true;

    public override bool IsInstance(FeelValue value, DmnRun run) => Base.IsInstance(value, run);
}

/// <summary>A function item definition; parameter and result types are not checked (any function conforms).</summary>
internal sealed class FunctionType(string name) : DmnType
{
    public override string Name => name;

    public override bool Conforms(FeelValue value, DmnRun run) => value is FeelFunction;
}

/// <summary>An item definition that only renames another type (<c>tAge</c> = number).</summary>
internal sealed class AliasType(string name) : DmnType
{
    public override string Name => name;

    public DmnType Target { get; set; } = Any;

    public override bool IsCollection => Target.IsCollection;

    public override DmnType? ItemType => Target.ItemType;

    public override FeelType? Temporal => Target.Temporal;

    public override bool Conforms(FeelValue value, DmnRun run) => Target.Conforms(value, run);

    public override bool IsInstance(FeelValue value, DmnRun run) => Target.IsInstance(value, run);
}
