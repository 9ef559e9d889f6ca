using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Pppk.Workflow.Domain.Documents;

/// <summary>
/// Word splits typed text over several runs (spell check, an edit in the middle, a format change), so "{{nama}}" may be
/// "{{na" + "ma}}". Within each paragraph this moves every placeholder's text into the run where it starts; the other
/// runs keep their text and formatting.
/// </summary>
internal static class RunNormalizer
{
    public static void Normalize(OpenXmlElement root)
    {
        foreach (var paragraph in root.Descendants<Paragraph>().ToList())
            Normalize(paragraph);
    }

    private static void Normalize(Paragraph paragraph)
    {
        var texts = paragraph.Descendants<Text>().ToList();
        if (texts.Count < 2) return;
        var whole = new StringBuilder();
        var starts = new int[texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            starts[i] = whole.Length;
            whole.Append(texts[i].Text);
        }
        var matches = Placeholders.Pattern().Matches(whole.ToString());
        // From the last to the first, so earlier offsets stay valid.
        for (var m = matches.Count - 1; m >= 0; m--)
        {
            var match = matches[m];
            var first = NodeAt(starts, match.Index);
            var last = NodeAt(starts, match.Index + match.Length - 1);
            if (first == last) continue;
            var head = texts[first].Text[..(match.Index - starts[first])];
            var tail = texts[last].Text[(match.Index + match.Length - starts[last])..];
            Set(texts[first], head + match.Value);
            for (var i = first + 1; i < last; i++) Set(texts[i], "");
            Set(texts[last], tail);
        }
    }

    private static int NodeAt(int[] starts, int offset)
    {
        var index = Array.BinarySearch(starts, offset);
        if (index >= 0)
        {
            // Empty text nodes share a start with the next one: take the last node starting here.
            while (index + 1 < starts.Length && starts[index + 1] == offset) index++;
            return index;
        }
        return ~index - 1;
    }

    internal static void Set(Text text, string value)
    {
        text.Text = value;
        text.Space = SpaceProcessingModeValues.Preserve;
    }
}
