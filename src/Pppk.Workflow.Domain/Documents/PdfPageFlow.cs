using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Pppk.Workflow.Domain.Documents;

/// <summary>A cursor going down A4 pages: text wrapped to a width, a new page when the next line or row does not fit.</summary>
internal sealed class PdfPageFlow(PdfDocument document, Action<XGraphics> onNewPage) : IDisposable
{
    public const double Left = 85, Right = 57, Top = 57, Bottom = 70;

    private XGraphics? _graphics;

    public PdfPage Page { get; private set; } = null!;

    public double Y { get; set; }

    public XGraphics Graphics => _graphics ?? throw new InvalidOperationException("No page yet.");

    public double Width => Page.Width.Point - Left - Right;

    public double Limit => Page.Height.Point - Bottom;

    public void NewPage()
    {
        _graphics?.Dispose();
        Page = document.AddPage();
        Page.Size = PdfSharp.PageSize.A4;
        _graphics = XGraphics.FromPdfPage(Page);
        Y = Top;
        onNewPage(_graphics);
    }

    /// <summary>Starts a new page unless <paramref name="height"/> still fits on this one.</summary>
    public void Reserve(double height)
    {
        if (_graphics is null || Y + height > Limit) NewPage();
    }

    /// <summary>Wraps at spaces; a word wider than the width (a long NIK in a narrow column) is cut between characters.</summary>
    public List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (Measure(candidate, font) <= width) { line = candidate; continue; }
                if (line.Length > 0) lines.Add(line);
                line = word;
                while (Measure(line, font) > width && line.Length > 1)
                {
                    var cut = line.Length - 1;
                    while (cut > 1 && Measure(line[..cut], font) > width) cut--;
                    lines.Add(line[..cut]);
                    line = line[cut..];
                }
            }
            lines.Add(line);
        }
        return lines;
    }

    public double Measure(string text, XFont font) => Graphics.MeasureString(text, font).Width;

    /// <summary>Writes wrapped lines from the cursor down, breaking pages between lines.</summary>
    public void Lines(IEnumerable<string> lines, XFont font, BlockAlign align, double x, double width)
    {
        var height = font.GetHeight();
        foreach (var line in lines)
        {
            Reserve(height);
            var left = align switch
            {
                BlockAlign.Center => x + (width - Measure(line, font)) / 2,
                BlockAlign.Right => x + width - Measure(line, font),
                _ => x,
            };
            Graphics.DrawString(line, font, XBrushes.Black, left, Y + height * 0.8);
            Y += height;
        }
    }

    public void Dispose() => _graphics?.Dispose();
}
