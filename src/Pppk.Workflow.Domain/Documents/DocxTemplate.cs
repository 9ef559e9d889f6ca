using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Pppk.Workflow.Runtime.Instances;

namespace Pppk.Workflow.Domain.Documents;

/// <summary>
/// A Word template HR edits: checked once when loaded (every placeholder known, every repeating list in one table row),
/// then filled as often as needed. Filling works on a copy, so one template serves concurrent documents.
/// </summary>
public sealed class DocxTemplate
{
    private readonly byte[] _bytes;

    private DocxTemplate(byte[] bytes, IReadOnlyList<string> names)
    {
        _bytes = bytes;
        Names = names;
    }

    /// <summary>The placeholder names the template uses, lists included, each once.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Reads and checks a template against an employee document's placeholders; a template that names something unknown is refused (400) naming it.</summary>
    public static DocxTemplate Load(byte[] bytes) => Load(bytes, KindPlaceholders.For(DocumentKind.Sk));

    /// <summary>Reads and checks a template against the placeholders of one kind (<see cref="KindPlaceholders.For"/>).</summary>
    public static DocxTemplate Load(byte[] bytes, PlaceholderVocabulary vocabulary)
    {
        var names = new List<string>();
        Edit(bytes, Check(names, vocabulary), save: false);
        return new DocxTemplate(bytes, names.Distinct(StringComparer.Ordinal).ToList());
    }

    /// <summary>The filled document: repeating rows expanded, every placeholder replaced by its text.</summary>
    public byte[] Fill(DocumentValues values) => Edit(_bytes, root =>
    {
        ExpandRows(root, values);
        foreach (var text in root.Descendants<Text>())
            if (text.Text.Contains("{{", StringComparison.Ordinal))
                RunNormalizer.Set(text, Placeholders.Pattern().Replace(text.Text, m => values.Fields.GetValueOrDefault(m.Groups["name"].Value, "")));
    }, save: true);

    private static Action<OpenXmlElement> Check(List<string> names, PlaceholderVocabulary vocabulary) => root =>
    {
        var unknown = new List<string>();
        foreach (var row in root.Descendants<TableRow>().Where(r => !r.Ancestors<TableRow>().Any()))
            CheckRow(row, names, unknown, vocabulary);
        foreach (var match in Outside(root))
        {
            var name = match.Groups["name"].Value;
            names.Add(name);
            if (match.Groups["mark"].Value.Length > 0)
                throw Refused(DocumentTexts.SectionOutsideRow.Format(name));
            if (!vocabulary.Fields.Contains(name))
            {
                if (vocabulary.IsRowField(name)) throw Refused(DocumentTexts.RowFieldOutsideSection.Format(name));
                unknown.Add(name);
            }
        }
        if (unknown.Count > 0)
            throw Refused(DocumentTexts.UnknownPlaceholder.Format(string.Join(", ", unknown.Distinct(StringComparer.Ordinal)), vocabulary.KnownList()));
    };

    private static void CheckRow(TableRow row, List<string> names, List<string> unknown, PlaceholderVocabulary vocabulary)
    {
        var matches = Placeholders.Pattern().Matches(row.InnerText);
        var opened = matches.Where(m => m.Groups["mark"].Value == "#").Select(m => m.Groups["name"].Value).ToList();
        var closed = matches.Where(m => m.Groups["mark"].Value == "/").Select(m => m.Groups["name"].Value).ToList();
        foreach (var name in opened.Concat(closed).Distinct(StringComparer.Ordinal))
        {
            if (!vocabulary.Sections.ContainsKey(name))
                throw Refused(DocumentTexts.UnknownSection.Format(name, vocabulary.SectionList()));
            if (opened.Count(n => n == name) != 1 || closed.Count(n => n == name) != 1)
                throw Refused(DocumentTexts.SectionOutsideRow.Format(name));
        }
        var rowFields = opened.Count > 0 ? vocabulary.Sections[opened[0]] : null;
        foreach (var match in matches.Where(m => m.Groups["mark"].Value.Length == 0))
        {
            var name = match.Groups["name"].Value;
            names.Add(name);
            if (rowFields?.Contains(name) != true && !vocabulary.Fields.Contains(name))
            {
                if (rowFields is null && vocabulary.IsRowField(name)) throw Refused(DocumentTexts.RowFieldOutsideSection.Format(name));
                unknown.Add(name);
            }
        }
        names.AddRange(opened);
    }

    /// <summary>Placeholders in paragraphs outside every table row (rows are checked as a whole).</summary>
    private static IEnumerable<Match> Outside(OpenXmlElement root) => root.Descendants<Paragraph>()
        .Where(p => !p.Ancestors<TableRow>().Any())
        .SelectMany(p => Placeholders.Pattern().Matches(p.InnerText));

    private static void ExpandRows(OpenXmlElement root, DocumentValues values)
    {
        foreach (var row in root.Descendants<TableRow>().ToList())
        {
            var open = Placeholders.Pattern().Matches(row.InnerText).FirstOrDefault(m => m.Groups["mark"].Value == "#");
            if (open is null) continue;
            var items = values.Lists.GetValueOrDefault(open.Groups["name"].Value) ?? [];
            var anchor = row;
            foreach (var item in items)
            {
                var copy = (TableRow)row.CloneNode(true);
                foreach (var text in copy.Descendants<Text>())
                    if (text.Text.Contains("{{", StringComparison.Ordinal))
                        RunNormalizer.Set(text, Placeholders.Pattern().Replace(text.Text, m => m.Groups["mark"].Value.Length > 0
                            ? ""
                            : item.GetValueOrDefault(m.Groups["name"].Value) ?? values.Fields.GetValueOrDefault(m.Groups["name"].Value, "")));
                anchor.InsertAfterSelf(copy);
                anchor = copy;
            }
            row.Remove();
        }
    }

    private static byte[] Edit(byte[] bytes, Action<OpenXmlElement> edit, bool save)
    {
        using var stream = new MemoryStream();
        stream.Write(bytes);
        stream.Position = 0;
        try
        {
            using (var document = WordprocessingDocument.Open(stream, isEditable: true))
            {
                var main = document.MainDocumentPart?.Document ?? throw new InvalidDataException("no main document part");
                var roots = new List<OpenXmlElement> { main };
                roots.AddRange(document.MainDocumentPart.HeaderParts.Select(h => (OpenXmlElement)h.Header));
                roots.AddRange(document.MainDocumentPart.FooterParts.Select(f => (OpenXmlElement)f.Footer));
                foreach (var root in roots)
                {
                    RunNormalizer.Normalize(root);
                    edit(root);
                }
                if (save) main.Save();
            }
            return save ? stream.ToArray() : bytes;
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or System.Xml.XmlException)
        {
            throw Refused(DocumentTexts.NotDocx.Format(e.Message));
        }
    }

    private static WorkflowException Refused(Engine.Localization.LocalizedText text) => new(400, text);
}
