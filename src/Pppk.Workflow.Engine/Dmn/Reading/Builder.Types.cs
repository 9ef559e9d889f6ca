using System.Xml.Linq;
using Pppk.Workflow.Engine.Validation;

namespace Pppk.Workflow.Engine.Dmn;

internal sealed partial class Builder
{
    /// <summary>Item definitions: names are registered first so definitions may refer to later (or their own) ones.</summary>
    private void ReadItemDefinitions()
    {
        var items = root.Elements(ns + "itemDefinition").ToList();
        foreach (var item in items)
            if (Attr(item, "name")?.Trim() is { Length: > 0 } name)
                definition.Types[name] = new AliasType(name);
        foreach (var item in items)
            if (Attr(item, "name")?.Trim() is { Length: > 0 } name)
                ((AliasType)definition.Types[name]).Target = ItemType(item, name);
    }

    private DmnType ItemType(XElement item, string name)
    {
        DmnType type;
        if (item.Element(ns + "functionItem") is not null)
            type = new FunctionType(name);
        else if (item.Elements(ns + "itemComponent").Any())
        {
            var context = new ContextType(name);
            foreach (var component in item.Elements(ns + "itemComponent"))
            {
                var componentName = (Attr(component, "name") ?? "").Trim();
                context.Components.Add((componentName, ItemType(component, name + "." + componentName)));
            }
            type = context;
        }
        else
        {
            var typeRef = item.Element(ns + "typeRef")?.Value ?? Attr(item, "typeRef");
            type = Type(typeRef, name);
        }
        if (Tests(item.Element(ns + "allowedValues"), name, Attr(item, "id")) is { IsAny: false } allowed)
            type = new ConstrainedType(name, type, allowed);
        if (string.Equals(Attr(item, "isCollection"), "true", StringComparison.OrdinalIgnoreCase))
            type = new ListType(name, type);
        if (Tests(item.Element(ns + "typeConstraint"), name, Attr(item, "id")) is { IsAny: false } constraint)
            type = new ConstrainedType(name, type, constraint);
        return type;
    }

    /// <summary>A typeRef: an item definition, a FEEL type, or <c>import.type</c>; a QName prefix (<c>feel:number</c>) is dropped.</summary>
    private DmnType Type(string? typeRef, string owner)
    {
        if (string.IsNullOrWhiteSpace(typeRef))
            return DmnType.Any;
        var name = typeRef.Trim();
        if (definition.Types.TryGetValue(name, out var own))
            return own;
        var colon = name.IndexOf(':');
        if (colon > 0 && !name.Contains(' ', StringComparison.Ordinal))
        {
            var local = name[(colon + 1)..];
            if (definition.Types.TryGetValue(local, out var prefixed))
                return prefixed;
            name = local;
        }
        if (BuiltinType.Find(name) is { } builtin)
            return builtin;
        if (name.StartsWith("list<", StringComparison.Ordinal) || name.StartsWith("context<", StringComparison.Ordinal) || name.StartsWith("function<", StringComparison.Ordinal) || name.StartsWith("range<", StringComparison.Ordinal))
            return BuiltinType.Find(name[..name.IndexOf('<')])!;
        var dot = name.IndexOf('.');
        if (dot > 0 && definition.Imports.TryGetValue(name[..dot], out var imported) && imported.Types.TryGetValue(name[(dot + 1)..], out var importedType))
            return importedType;
        problems.Add(ValidationProblem.Warning(null, DmnTexts.UnknownType.Format(DmnTexts.Expression, owner, typeRef)));
        return DmnType.Any;
    }

    /// <summary>Declared types of elements and expressions, now that every item definition is known.</summary>
    private void ResolveTypes(List<DrgElement> elements)
    {
        foreach (var element in elements)
            element.Type = element is KnowledgeElement ? DmnType.Any : Type(element.TypeRef, element.Name);
        foreach (var (expression, owner) in expressions)
        {
            expression.Type = Type(expression.TypeRef, owner);
            if (expression is DecisionTableExpression table)
            {
                foreach (var input in table.Inputs)
                    input.Type = Type(input.TypeRef, owner);
                foreach (var output in table.Outputs)
                    output.Type = Type(output.TypeRef, owner);
            }
        }
    }
}
