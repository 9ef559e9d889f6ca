using System.Xml;
using System.Xml.Linq;
using Pppk.Workflow.Engine.Localization;
using Pppk.Workflow.Engine.Validation;

namespace Pppk.Workflow.Engine.Parsing;

/// <summary>
/// Reads an uploaded XML file without trusting it: no DTD (so no entity expansion and no external resources), and the
/// size, element count and nesting depth of <see cref="BpmnLimits"/> checked in a streaming pass before a tree is built.
/// </summary>
internal static class SafeXml
{
    public static XDocument? Load(string xml, BpmnLimits limits, out LocalizedText? problem)
    {
        if (xml.Length > limits.MaxFileCharacters)
        {
            problem = ValidationTexts.FileTooLarge.Format(xml.Length, limits.MaxFileCharacters);
            return null;
        }
        try
        {
            problem = Scan(xml, limits);
            if (problem is not null)
                return null;
            using var reader = XmlReader.Create(new StringReader(xml), Settings(limits));
            return XDocument.Load(reader, LoadOptions.SetLineInfo | LoadOptions.PreserveWhitespace);
        }
        catch (XmlException e)
        {
            problem = ValidationTexts.XmlMalformed.Format(e.Message);
            return null;
        }
    }

    /// <summary>One forward pass that stops at the first element past a limit, so a bomb costs no more than the limit.</summary>
    private static LocalizedText? Scan(string xml, BpmnLimits limits)
    {
        using var reader = XmlReader.Create(new StringReader(xml), Settings(limits));
        var elements = 0;
        try
        {
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element)
                    continue;
                if (++elements > limits.MaxElements)
                    return ValidationTexts.TooManyElements.Format(limits.MaxElements);
                if (reader.Depth >= limits.MaxDepth)
                    return ValidationTexts.NestedTooDeep.Format(limits.MaxDepth, ((IXmlLineInfo)reader).LineNumber);
            }
            return null;
        }
        catch (XmlException) when (elements == 0 && xml.Contains("<!DOCTYPE", StringComparison.Ordinal))
        {
            // A DOCTYPE can only stand before the root element, and the reader refuses it there.
            return ValidationTexts.DtdProhibited.Format();
        }
    }

    private static XmlReaderSettings Settings(BpmnLimits limits) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = limits.MaxFileCharacters,
        IgnoreWhitespace = false,
    };
}
