using System.Xml.Linq;
using Pppk.Workflow.Engine.Feel;
using Pppk.Workflow.Engine.Validation;

namespace Pppk.Workflow.Engine.Dmn;

internal sealed partial class Builder
{
    private static readonly HashSet<string> ExpressionNames =
    [
        "literalExpression", "decisionTable", "context", "invocation", "relation", "list", "functionDefinition",
        "conditional", "filter", "for", "some", "every",
    ];

    /// <summary>The boxed expression directly inside <paramref name="container"/>, or null when there is none.</summary>
    private BoxedExpression? ReadExpression(XElement? container, string owner)
    {
        var e = container?.Elements().FirstOrDefault(c => c.Name.Namespace == ns && ExpressionNames.Contains(c.Name.LocalName));
        if (e is null)
            return null;
        BoxedExpression expression = e.Name.LocalName switch
        {
            "literalExpression" => ReadLiteral(e, owner),
            "decisionTable" => ReadTable(e, owner),
            "context" => ReadContext(e, owner),
            "invocation" => ReadInvocation(e, owner),
            "relation" => ReadRelation(e, owner),
            "list" => ReadList(e, owner),
            "functionDefinition" => ReadFunction(e, owner),
            "conditional" => new ConditionalExpression
            {
                Id = Attr(e, "id"), TypeRef = Attr(e, "typeRef"),
                If = ReadExpression(e.Element(ns + "if"), owner),
                Then = ReadExpression(e.Element(ns + "then"), owner),
                Else = ReadExpression(e.Element(ns + "else"), owner),
            },
            "filter" => new FilterExpression
            {
                Id = Attr(e, "id"), TypeRef = Attr(e, "typeRef"),
                In = ReadExpression(e.Element(ns + "in"), owner),
                Match = ReadExpression(e.Element(ns + "match"), owner),
            },
            var kind => new IteratorExpression(kind, Attr(e, "iteratorVariable") ?? "item")
            {
                Id = Attr(e, "id"), TypeRef = Attr(e, "typeRef"),
                In = ReadExpression(e.Element(ns + "in"), owner),
                Body = ReadExpression(e.Element(ns + (kind == "for" ? "return" : "satisfies")), owner),
            },
        };
        expressions.Add((expression, owner));
        return expression;
    }

    private LiteralExpression ReadLiteral(XElement e, string owner)
    {
        var text = e.Element(ns + "text")?.Value;
        var expression = Feel(text, owner, Attr(e, "id"), out var error);
        return new LiteralExpression(expression) { Id = Attr(e, "id"), TypeRef = Attr(e, "typeRef"), Error = error, Source = text?.Trim() ?? "" };
    }

    /// <summary>Parses FEEL text; empty is null; a syntax error is a problem naming the owner (and <paramref name="error"/>).</summary>
    private FeelExpression? Feel(string? text, string owner, string? id, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(text))
            return null;
        try
        {
            return FeelExpression.Parse(text.Trim(), options);
        }
        catch (FeelSyntaxException ex)
        {
            var problem = ValidationProblem.Error(id ?? owner, DmnTexts.FeelSyntax.Format(DmnTexts.Expression, owner, text.Trim(), ex.ReasonText));
            problems.Add(problem);
            feelErrors.Add(problem);
            error = problem.Message;
            return null;
        }
    }

    private UnaryTests? Tests(XElement? e, string owner, string? id)
    {
        var text = e?.Element(ns + "text")?.Value;
        if (text is null)
            return null;
        try
        {
            return UnaryTests.Parse(text, options);
        }
        catch (FeelSyntaxException ex)
        {
            var problem = ValidationProblem.Error(Attr(e, "id") ?? id ?? owner,
                DmnTexts.FeelSyntax.Format(DmnTexts.Expression, owner, text.Trim(), ex.ReasonText));
            problems.Add(problem);
            feelErrors.Add(problem);
            return UnaryTests.Invalid(text, problem.Message);
        }
    }

    private ContextExpression ReadContext(XElement e, string owner)
    {
        var context = new ContextExpression { Id = Attr(e, "id"), TypeRef = Attr(e, "typeRef") };
        foreach (var entry in e.Elements(ns + "contextEntry"))
        {
            var variable = entry.Element(ns + "variable");
            var name = Attr(variable, "name")?.Trim();
            context.Entries.Add((name, Type(Attr(variable, "typeRef"), owner), ReadExpression(entry, owner)));
        }
        return context;
    }

    private InvocationExpression ReadInvocation(XElement e, string owner)
    {
        var invocation = new InvocationExpression { Id = Attr(e, "id"), TypeRef = Attr(e, "typeRef"), Callee = ReadExpression(e, owner) };
        foreach (var binding in e.Elements(ns + "binding"))
            invocation.Bindings.Add(((Attr(binding.Element(ns + "parameter"), "name") ?? "").Trim(), ReadExpression(binding, owner)));
        return invocation;
    }

    private RelationExpression ReadRelation(XElement e, string owner)
    {
        var relation = new RelationExpression { Id = Attr(e, "id"), TypeRef = Attr(e, "typeRef") };
        foreach (var column in e.Elements(ns + "column"))
            relation.Columns.Add(((Attr(column, "name") ?? "").Trim(), Type(Attr(column, "typeRef"), owner)));
        foreach (var row in e.Elements(ns + "row"))
            relation.Rows.Add([.. row.Elements().Where(c => c.Name.Namespace == ns && ExpressionNames.Contains(c.Name.LocalName))
                .Select(c => ReadExpression(new XElement("cell", c), owner))]);
        return relation;
    }

    private ListExpression ReadList(XElement e, string owner)
    {
        var list = new ListExpression { Id = Attr(e, "id"), TypeRef = Attr(e, "typeRef") };
        foreach (var item in e.Elements().Where(c => c.Name.Namespace == ns && ExpressionNames.Contains(c.Name.LocalName)))
            if (ReadExpression(new XElement("item", item), owner) is { } x)
                list.Items.Add(x);
        return list;
    }

    private FunctionDefinitionExpression ReadFunction(XElement e, string owner)
    {
        var function = new FunctionDefinitionExpression
        {
            Id = Attr(e, "id"),
            Kind = (Attr(e, "kind") ?? "FEEL").ToUpperInvariant() switch { "JAVA" => "Java", "PMML" => "PMML", _ => "FEEL" },
            ResultType = Type(Attr(e, "typeRef"), owner),
        };
        foreach (var p in e.Elements(ns + "formalParameter"))
            function.Parameters.Add(((Attr(p, "name") ?? "").Trim(), Type(Attr(p, "typeRef"), owner)));
        function.Body = ReadExpression(e, owner);
        expressions.Add((function, owner));
        return function;
    }
}
