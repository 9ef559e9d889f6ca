using System.Xml.Linq;
using Pppk.Workflow.Testing;

namespace Pppk.Workflow.Engine.Tests.Feel.Tck;

/// <summary>One FEEL text of a TCK model: where it is, whether it is unary tests, and the names its model declares.</summary>
internal sealed record TckFeelText(string Folder, string File, string ElementId, string Kind, string Text, bool UnaryTests, IReadOnlyList<string> KnownNames)
{
    public string Key => $"{Folder}/{File}#{ElementId}";
}

/// <summary>Extracts every FEEL text from the DMN TCK's models (literal expressions, input expressions and entries, output entries, allowed values).</summary>
internal static class TckFeelTexts
{
    // Element whose <text> child is FEEL, and whether that text is unary tests (DMN 1.5 §7.3).
    private static readonly Dictionary<string, bool> TextParents = new(StringComparer.Ordinal)
    {
        ["literalExpression"] = false, ["inputExpression"] = false, ["outputEntry"] = false,
        ["inputEntry"] = true, ["inputValues"] = true, ["outputValues"] = true, ["allowedValues"] = true, ["typeConstraint"] = true,
    };

    public static IEnumerable<TckFeelText> All()
    {
        var root = ConformanceSuite.DmnTck.Directory;
        if (!Directory.Exists(root))
            yield break;
        foreach (var file in Directory.EnumerateFiles(root, "*.dmn", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var doc = XDocument.Load(file);
            var names = DeclaredNames(doc);
            var folder = Path.GetFileName(Path.GetDirectoryName(file))!;
            foreach (var text in doc.Descendants().Where(e => e.Name.LocalName == "text"))
            {
                var parent = text.Parent!;
                if (!TextParents.TryGetValue(parent.Name.LocalName, out var unary) || !IsFeel(parent))
                    continue;
                var id = parent.AncestorsAndSelf().Select(e => (string?)e.Attribute("id")).FirstOrDefault(i => i is not null) ?? "?";
                yield return new TckFeelText(folder, Path.GetFileName(file), id, parent.Name.LocalName, text.Value, unary, names);
            }
        }
    }

    /// <summary>Names a model declares (elements, variables, context entries, parameters, item components): what the engine passes as known names.</summary>
    public static IReadOnlyList<string> DeclaredNames(XDocument doc) =>
        doc.Descendants().Select(e => (string?)e.Attribute("name")).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();

    private static bool IsFeel(XElement element)
    {
        foreach (var e in element.AncestorsAndSelf())
            if ((string?)e.Attribute("expressionLanguage") is { } language)
                return language.Contains("FEEL", StringComparison.OrdinalIgnoreCase);
        return true;
    }
}
