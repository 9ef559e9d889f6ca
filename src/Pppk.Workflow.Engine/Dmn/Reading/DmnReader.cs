using System.Xml;
using System.Xml.Linq;
using Pppk.Workflow.Engine.Feel;
using Pppk.Workflow.Engine.Validation;

namespace Pppk.Workflow.Engine.Dmn;

/// <summary>
/// Reads DMN 1.1-1.5 XML into a <see cref="DmnModel"/>: decisions, input data, business knowledge models, decision
/// services, item definitions and imports (given as already read models, matched by namespace). Every FEEL text is
/// parsed once here; problems name the element and carry <c>dmn-</c> codes.
/// </summary>
public static partial class DmnReader
{
    /// <summary>Characters of one DMN file; real models are a few hundred kilobytes at most.</summary>
    public const int MaxDocumentLength = 10_000_000;

    /// <summary>Elements of one model (decisions, rules, entries...), so reading and checking stay bounded.</summary>
    public const int MaxElements = 200_000;

    public static DmnReadResult Read(string xml, IReadOnlyList<DmnModel>? imports = null) => Read(xml, imports, FeelLimits.Default);

    /// <summary>Reads with the FEEL parse limits of <paramref name="limits"/> (the host's configured ones).</summary>
    public static DmnReadResult Read(string xml, IReadOnlyList<DmnModel>? imports, FeelLimits limits) =>
        Read(xml, imports, new DmnReadOptions { Limits = limits });

    /// <summary>Reads with options (limits; whether FEEL errors still give a model, as conformance tests need).</summary>
    public static DmnReadResult Read(string xml, IReadOnlyList<DmnModel>? imports, DmnReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var limits = options.Limits ?? FeelLimits.Default;
        ArgumentNullException.ThrowIfNull(xml);
        var problems = new List<ValidationProblem>();
        XDocument document;
        try
        {
            if (xml.Length > MaxDocumentLength)
                throw new XmlException($"the file has {xml.Length} characters, more than {MaxDocumentLength}");
            var settings = new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Prohibit,
                XmlResolver = null,
                MaxCharactersInDocument = MaxDocumentLength,
            };
            using var reader = XmlReader.Create(new StringReader(xml), settings);
            document = XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            problems.Add(ValidationProblem.Error(null, DmnTexts.NotXml.Format(e.Message)));
            return new DmnReadResult(null, problems);
        }
        var root = document.Root!;
        if (root.Name.LocalName != "definitions" || !root.Name.NamespaceName.Contains("omg.org/spec/DMN/", StringComparison.Ordinal))
        {
            problems.Add(ValidationProblem.Error(null, DmnTexts.NotDmn.Format(root.Name.LocalName, root.Name.NamespaceName)));
            return new DmnReadResult(null, problems);
        }
        var count = root.DescendantsAndSelf().Take(MaxElements + 1).Count();
        if (count > MaxElements)
        {
            problems.Add(ValidationProblem.Error(null, DmnTexts.TooLarge.Format(count, MaxElements)));
            return new DmnReadResult(null, problems);
        }
        var feelErrors = new HashSet<ValidationProblem>(ReferenceEqualityComparer.Instance);
        var model = new Builder(root, imports ?? [], limits, problems, feelErrors).Build();
        var blocking = problems.Any(p => p.Severity == Severity.Error && !(options.KeepModelWithFeelErrors && feelErrors.Contains(p)));
        return new DmnReadResult(blocking ? null : model, problems);
    }
}

/// <summary>How <see cref="DmnReader"/> reads.</summary>
public sealed record DmnReadOptions
{
    /// <summary>FEEL parse limits (null: <see cref="FeelLimits.Default"/>).</summary>
    public FeelLimits? Limits { get; init; }

    /// <summary>
    /// Keep the model when only FEEL texts are invalid (still reported as errors): each such expression evaluates to
    /// null with a warning, as the DMN TCK expects of a decision with an invalid expression. Deploying never uses this.
    /// </summary>
    public bool KeepModelWithFeelErrors { get; init; }
}
