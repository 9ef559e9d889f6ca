using System.Xml;
using System.Xml.Linq;
using Pppk.Workflow.Engine.Model;

namespace Pppk.Workflow.Engine.Parsing;

/// <summary>Writes definitions back to XML. The model keeps the source document, so unknown elements, diagram interchange and other vendors' extensions survive unchanged.</summary>
public static class BpmnWriter
{
    public static string Write(BpmnDefinitions definitions)
    {
        var settings = new XmlWriterSettings { OmitXmlDeclaration = false, Indent = false, Encoding = new System.Text.UTF8Encoding(false) };
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, settings))
            definitions.Source.Save(writer);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
