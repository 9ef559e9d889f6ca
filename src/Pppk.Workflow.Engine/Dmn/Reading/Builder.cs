using System.Xml.Linq;
using Pppk.Workflow.Engine.Feel;
using Pppk.Workflow.Engine.Localization;
using Pppk.Workflow.Engine.Validation;

namespace Pppk.Workflow.Engine.Dmn;

/// <summary>Builds one model from its XML: the DRG here, boxed expressions and item definitions in the partial files.</summary>
internal sealed partial class Builder(
    XElement root, IReadOnlyList<DmnModel> imports, FeelLimits limits, List<ValidationProblem> problems, HashSet<ValidationProblem> feelErrors)
{
    private readonly XNamespace ns = root.Name.Namespace;
    private FeelParseOptions options = FeelParseOptions.Dmn(null, limits);
    private readonly List<(BoxedExpression Expression, string Owner)> expressions = [];
    private ModelDefinition definition = null!;

    public DmnModel Build()
    {
        var id = Attr(root, "id") ?? "";
        var name = Attr(root, "name") ?? id;
        definition = new ModelDefinition { Namespace = Attr(root, "namespace") ?? "", Name = name };
        var model = new DmnModel(id, name, definition.Namespace, definition);
        model.Imports = ReadImports();
        options = FeelParseOptions.Dmn(KnownNames(), limits);
        ReadItemDefinitions();
        var elements = new List<DrgElement>();
        foreach (var e in root.Elements())
        {
            if (e.Name.Namespace != ns)
                continue;
            DrgElement? element = e.Name.LocalName switch
            {
                "decision" => ReadDecision(e),
                "inputData" => Named<InputDataElement>(e, DmnTexts.InputData),
                "businessKnowledgeModel" => ReadKnowledge(e),
                "decisionService" => ReadService(e),
                _ => null,
            };
            if (element is null)
                continue;
            element.Model = definition;
            Requirements(e, element);
            elements.Add(element);
            definition.ById.TryAdd(element.Id, element);
            if (!definition.ByName.TryAdd(element.Name, element))
                problems.Add(ValidationProblem.Warning(element.Id,
                    DmnTexts.DuplicateName.Format(element.Name, definition.ByName[element.Name].Id, element.Id)));
        }
        ResolveTypes(elements);
        CheckReferences(elements);
        model.InputData = [.. elements.OfType<InputDataElement>().Select(i => new DmnInputInfo(i.Name, i.TypeRef) { Id = i.Id })];
        model.Decisions = [.. elements.Where(e => e is not InputDataElement).Select(e => Describe(e))];
        return model;
    }

    private List<DmnImportInfo> ReadImports()
    {
        var result = new List<DmnImportInfo>();
        foreach (var e in root.Elements(ns + "import"))
        {
            var importNs = Attr(e, "namespace") ?? "";
            var importName = Attr(e, "name") ?? "";
            var type = Attr(e, "importType") ?? "";
            if (!type.Contains("DMN", StringComparison.OrdinalIgnoreCase) && !type.Contains("dmn", StringComparison.Ordinal))
                continue;
            result.Add(new DmnImportInfo(importName, importNs, Attr(e, "locationURI")));
            var imported = imports.FirstOrDefault(m => m.Namespace == importNs);
            if (imported is null)
            {
                problems.Add(ValidationProblem.Error(Attr(e, "id"), DmnTexts.MissingImport.Format(importName, importNs)));
                continue;
            }
            definition.Imports[importName] = imported.Definition;
            definition.ImportsByNamespace[importNs] = (importName, imported.Definition);
        }
        return result;
    }

    private DecisionElement ReadDecision(XElement e)
    {
        var decision = Named<DecisionElement>(e, DmnTexts.Decision);
        decision.Logic = ReadExpression(e, decision.Name);
        return decision;
    }

    private KnowledgeElement ReadKnowledge(XElement e)
    {
        var bkm = Named<KnowledgeElement>(e, DmnTexts.Knowledge);
        if (e.Element(ns + "encapsulatedLogic") is { } logic)
            bkm.Logic = ReadFunction(logic, bkm.Name);
        return bkm;
    }

    private ServiceElement ReadService(XElement e)
    {
        var service = Named<ServiceElement>(e, DmnTexts.Service);
        service.OutputDecisions.AddRange(Hrefs(e, "outputDecision"));
        service.EncapsulatedDecisions.AddRange(Hrefs(e, "encapsulatedDecision"));
        service.InputDecisions.AddRange(Hrefs(e, "inputDecision"));
        service.InputData.AddRange(Hrefs(e, "inputData"));
        return service;
    }

    private T Named<T>(XElement e, Term kind) where T : DrgElement, new()
    {
        var id = Attr(e, "id") ?? "";
        var variable = e.Element(ns + "variable");
        var name = (Attr(e, "name") ?? Attr(variable, "name") ?? "").Trim();
        if (name.Length == 0)
            problems.Add(ValidationProblem.Error(id, DmnTexts.NoName.Format(kind, id)));
        return new T { Id = id, Name = name, TypeRef = Attr(variable, "typeRef") };
    }

    private void Requirements(XElement e, DrgElement element)
    {
        foreach (var r in e.Elements(ns + "informationRequirement"))
        {
            element.RequiredDecisions.AddRange(Hrefs(r, "requiredDecision"));
            element.RequiredInputs.AddRange(Hrefs(r, "requiredInput"));
        }
        foreach (var r in e.Elements(ns + "knowledgeRequirement"))
            element.RequiredKnowledge.AddRange(Hrefs(r, "requiredKnowledge"));
    }

    private IEnumerable<string> Hrefs(XElement e, string child) =>
        e.Elements(ns + child).Select(c => Attr(c, "href")).Where(h => h is not null).Select(h => h!.Trim());

    private void CheckReferences(List<DrgElement> elements)
    {
        foreach (var element in elements)
        {
            IEnumerable<string> hrefs = [.. element.RequiredDecisions, .. element.RequiredInputs, .. element.RequiredKnowledge];
            if (element is ServiceElement s)
                hrefs = hrefs.Concat(s.OutputDecisions).Concat(s.EncapsulatedDecisions).Concat(s.InputDecisions).Concat(s.InputData);
            foreach (var href in hrefs)
                if (definition.Resolve(href) is null)
                    problems.Add(ValidationProblem.Error(element.Id, DmnTexts.MissingReference.Format(KindTerm(element), element.Name, href)));
        }
    }

    private static Term KindTerm(DrgElement e) => e switch
    {
        DecisionElement => DmnTexts.Decision,
        KnowledgeElement => DmnTexts.Knowledge,
        ServiceElement => DmnTexts.Service,
        _ => DmnTexts.InputData,
    };

    private DmnDecisionInfo Describe(DrgElement element)
    {
        var kind = element switch
        {
            DecisionElement d => KindOf(d.Logic),
            KnowledgeElement => "businessKnowledgeModel",
            _ => "decisionService",
        };
        var inputs = new List<DmnInputInfo>();
        var seen = new HashSet<DrgElement>();
        CollectInputs(element, null, inputs, seen);
        var required = element is ServiceElement s ? s.OutputDecisions : element.RequiredDecisions;
        return new DmnDecisionInfo(element.Id, element.Name, kind, inputs,
            [.. required.Select(h => definition.Resolve(h)?.Element.Id).Where(i => i is not null).Select(i => i!)])
        { TypeRef = element.TypeRef };
    }

    /// <summary>Every input data reachable through required decisions (imported ones named <c>prefix.name</c>).</summary>
    private void CollectInputs(DrgElement element, string? prefix, List<DmnInputInfo> inputs, HashSet<DrgElement> seen)
    {
        if (!seen.Add(element))
            return;
        var model = element.Model;
        IEnumerable<string> decisions = element.RequiredDecisions;
        IEnumerable<string> data = element.RequiredInputs;
        if (element is ServiceElement s)
        {
            decisions = s.InputDecisions;
            data = s.InputData;
        }
        foreach (var href in data)
            if (model.Resolve(href) is ({ } input, var p))
            {
                var name = string.Join('.', new[] { prefix, p, input.Name }.Where(x => x is not null));
                if (inputs.All(i => i.Name != name))
                    inputs.Add(new DmnInputInfo(name, input.TypeRef) { Id = input.Id });
            }
        foreach (var href in decisions)
            if (model.Resolve(href) is ({ } decision, var p))
            {
                if (element is ServiceElement)
                {
                    if (inputs.All(i => i.Name != decision.Name))
                        inputs.Add(new DmnInputInfo(decision.Name, decision.TypeRef) { Id = decision.Id });
                }
                else
                    CollectInputs(decision, p is null ? prefix : prefix is null ? p : prefix + "." + p, inputs, seen);
            }
    }

    private static string KindOf(BoxedExpression? logic) => logic switch
    {
        DecisionTableExpression => "decisionTable",
        LiteralExpression => "literalExpression",
        ContextExpression => "context",
        InvocationExpression => "invocation",
        RelationExpression => "relation",
        ListExpression => "list",
        FunctionDefinitionExpression => "functionDefinition",
        ConditionalExpression => "conditional",
        FilterExpression => "filter",
        IteratorExpression => "iterator",
        _ => "none",
    };

    /// <summary>
    /// Every name the model declares (elements, variables, parameters, context entries, columns, item definitions and
    /// their components) and those of its imports under their prefix: FEEL reads names with spaces, keywords or
    /// operators (<c>Applicant's age</c>) as names only when it knows them.
    /// </summary>
    private List<string> KnownNames()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in root.Descendants())
            if (e.Name.Namespace == ns && Attr(e, "name") is { Length: > 0 } name)
                names.Add(name.Trim());
        foreach (var (prefix, imported) in definition.Imports)
        {
            names.Add(prefix);
            foreach (var name in imported.ByName.Keys.Concat(imported.Types.Keys))
                names.Add(prefix + "." + name);
        }
        return [.. names];
    }

    private static string? Attr(XElement? e, string name) => e?.Attribute(name)?.Value;
}
