using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;

namespace Pppk.Workflow.Runtime.Definitions;

/// <summary>
/// Whether a file says the same as the stored latest version although its bytes differ: the designer re-serializes a
/// diagram (bpmn-js orders elements and attributes its own way, re-indents, writes 180 for 180.0) and the form editor
/// re-indents its JSON, so "Terapkan" with nothing changed must not add a version.
/// </summary>
internal static class SameContent
{
    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";
    private static readonly XNamespace Dc = "http://www.omg.org/spec/DD/20100524/DC";
    private static readonly XNamespace Di = "http://www.omg.org/spec/DD/20100524/DI";

    // Who wrote the file is not what it says.
    private static readonly HashSet<string> IgnoredRootAttributes = ["exporter", "exporterVersion"];

    public static bool Bpmn(string stored, string deployed)
    {
        try
        {
            return Canonical(stored) == Canonical(deployed);
        }
        catch (XmlException)
        {
            return false;
        }
    }

    public static bool Form(string stored, string deployed)
    {
        try
        {
            var (a, b) = (JsonNode.Parse(stored) as JsonObject, JsonNode.Parse(deployed) as JsonObject);
            if (a is null || b is null) return false;
            a.Remove("exporter");
            b.Remove("exporter");
            return JsonNode.DeepEquals(a, b);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Elements by expanded name with their attributes sorted; siblings grouped by name keeping their order within a name (input mappings keep theirs).</summary>
    internal static string Canonical(string xml)
    {
        var root = XDocument.Parse(xml, LoadOptions.None).Root!;
        var text = new StringBuilder();
        Write(root, text, isRoot: true);
        return text.ToString();
    }

    private static void Write(XElement element, StringBuilder text, bool isRoot)
    {
        text.Append('<').Append(element.Name.ToString());
        foreach (var attribute in element.Attributes()
                     .Where(a => !a.IsNamespaceDeclaration && !(isRoot && a.Name.Namespace == XNamespace.None && IgnoredRootAttributes.Contains(a.Name.LocalName)))
                     .OrderBy(a => a.Name.ToString(), StringComparer.Ordinal))
            text.Append(' ').Append(attribute.Name.ToString()).Append("=\"").Append(Value(element, attribute)).Append('"');
        text.Append('>');
        var own = string.Concat(element.Nodes().OfType<XText>().Select(t => t.Value)).Trim();
        text.Append(own.Replace("\r\n", "\n", StringComparison.Ordinal));
        foreach (var child in element.Elements().OrderBy(e => e.Name.ToString(), StringComparer.Ordinal))
            Write(child, text, isRoot: false);
        text.Append("</>");
    }

    private static string Value(XElement element, XAttribute attribute)
    {
        if (attribute.Name == Xsi + "type")
        {
            var (prefix, local) = attribute.Value.IndexOf(':') is var i and >= 0 ? (attribute.Value[..i], attribute.Value[(i + 1)..]) : ("", attribute.Value);
            var ns = prefix.Length == 0 ? element.GetDefaultNamespace() : element.GetNamespaceOfPrefix(prefix);
            return ns is null ? attribute.Value : (ns + local).ToString();
        }
        // Coordinates (dc:Bounds, di:waypoint): bpmn-js writes numbers as JavaScript does, 180 for 180.0.
        return (element.Name.Namespace == Dc || element.Name.Namespace == Di)
               && double.TryParse(attribute.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number.ToString("R", CultureInfo.InvariantCulture)
            : attribute.Value;
    }
}
