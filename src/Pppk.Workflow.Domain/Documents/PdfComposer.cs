using PdfSharp.Drawing;
using PdfSharp.Pdf;
using QRCoder;

namespace Pppk.Workflow.Domain.Documents;

/// <summary>One PDF's layout, with fonts of its own: PDFsharp objects are not shared between concurrent documents.</summary>
internal sealed class PdfComposer
{
    private const double BodySize = 10.5, TableSize = 8.5, CellPadding = 3, QrSize = 78;

    private readonly DocumentsOptions _options;
    private readonly XFont _regular, _bold, _small, _smallBold, _heading, _subheading, _footer;

    public PdfComposer(DocumentsOptions options)
    {
        _options = options;
        var unicode = new XPdfFontOptions(PdfFontEncoding.Unicode);
        XFont Font(double size, bool bold) => new(PdfFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, unicode);
        (_regular, _bold) = (Font(BodySize, false), Font(BodySize, true));
        (_small, _smallBold) = (Font(TableSize, false), Font(TableSize, true));
        (_heading, _subheading, _footer) = (Font(13, true), Font(10.5, true), Font(7, false));
    }

    public byte[] Render(byte[] filledDocx, string title, string verificationCode)
    {
        var blocks = DocxContent.Read(filledDocx);
        var url = _options.VerificationUrl(verificationCode);
        using var document = new PdfDocument();
        document.Info.Title = title;
        document.Info.Creator = "Pppk.Workflow";
        using (var flow = new PdfPageFlow(document, _ => { }))
        {
            flow.NewPage();
            Letterhead(flow);
            foreach (var block in blocks)
            {
                switch (block)
                {
                    case PageBreakBlock:
                        flow.NewPage();
                        break;
                    case ParagraphBlock p:
                        var font = p.Bold ? _bold : _regular;
                        flow.Lines(p.Text.Length == 0 ? [""] : flow.Wrap(p.Text, font, flow.Width), font, p.Align, PdfPageFlow.Left, flow.Width);
                        flow.Y += 2;
                        break;
                    case TableBlock t:
                        Table(flow, t);
                        break;
                }
            }
            Qr(flow, url, verificationCode);
        }
        Footers(document, url);
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private void Letterhead(PdfPageFlow flow)
    {
        flow.Lines([_options.Government], _heading, BlockAlign.Center, PdfPageFlow.Left, flow.Width);
        flow.Lines(flow.Wrap(_options.Agency, _subheading, flow.Width), _subheading, BlockAlign.Center, PdfPageFlow.Left, flow.Width);
        if (_options.Address.Length > 0)
            flow.Lines(flow.Wrap(_options.Address, _small, flow.Width), _small, BlockAlign.Center, PdfPageFlow.Left, flow.Width);
        flow.Y += 4;
        var right = PdfPageFlow.Left + flow.Width;
        flow.Graphics.DrawLine(new XPen(XColors.Black, 2), PdfPageFlow.Left, flow.Y, right, flow.Y);
        flow.Graphics.DrawLine(new XPen(XColors.Black, 0.6), PdfPageFlow.Left, flow.Y + 3, right, flow.Y + 3);
        flow.Y += 14;
    }

    /// <summary>Rows never split over pages; a bold first row (a header) is repeated on each new page.</summary>
    private void Table(PdfPageFlow flow, TableBlock table)
    {
        if (table.Rows.Count == 0) return;
        var font = table.Borders ? _small : _regular;
        var bold = table.Borders ? _smallBold : _bold;
        var total = table.Widths.Sum();
        var widths = table.Widths.Select(w => w / total * flow.Width).ToArray();
        var header = table.Borders && table.Rows[0].All(c => c.Bold) ? table.Rows[0] : null;
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var (lines, height) = Layout(flow, table.Rows[r], widths, font, bold);
            if (flow.Y + height > flow.Limit)
            {
                flow.NewPage();
                if (header is not null && r > 0)
                {
                    var (headerLines, headerHeight) = Layout(flow, header, widths, font, bold);
                    Row(flow, header, headerLines, headerHeight, widths, font, bold, table.Borders);
                }
            }
            Row(flow, table.Rows[r], lines, height, widths, font, bold, table.Borders);
        }
        flow.Y += 4;
    }

    private static (List<string>[] Lines, double Height) Layout(PdfPageFlow flow, IReadOnlyList<TableCellText> row, double[] widths, XFont font, XFont bold)
    {
        var lines = new List<string>[widths.Length];
        for (var c = 0; c < widths.Length; c++)
        {
            var cell = c < row.Count ? row[c] : new TableCellText("", false);
            lines[c] = flow.Wrap(cell.Text, cell.Bold ? bold : font, widths[c] - 2 * CellPadding);
        }
        return (lines, lines.Max(l => l.Count) * font.GetHeight() + 2 * CellPadding);
    }

    private static void Row(PdfPageFlow flow, IReadOnlyList<TableCellText> row, List<string>[] lines, double height, double[] widths, XFont font, XFont bold, bool borders)
    {
        var top = flow.Y;
        var x = PdfPageFlow.Left;
        for (var c = 0; c < widths.Length; c++)
        {
            var cellFont = c < row.Count && row[c].Bold ? bold : font;
            flow.Y = top + CellPadding;
            flow.Lines(lines[c], cellFont, BlockAlign.Left, x + CellPadding, widths[c] - 2 * CellPadding);
            if (borders) flow.Graphics.DrawRectangle(new XPen(XColors.Black, 0.5), x, top, widths[c], height);
            x += widths[c];
        }
        flow.Y = top + height;
    }

    /// <summary>The QR code is drawn as vector squares, so it stays sharp however the PDF is printed.</summary>
    private void Qr(PdfPageFlow flow, string url, string code)
    {
        flow.Reserve(QrSize + 8);
        flow.Y += 8;
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var module = QrSize / matrix.Count;
        for (var row = 0; row < matrix.Count; row++)
            for (var column = 0; column < matrix[row].Length; column++)
                if (matrix[row][column])
                    flow.Graphics.DrawRectangle(XBrushes.Black, PdfPageFlow.Left + column * module, flow.Y + row * module, module + 0.05, module + 0.05);
        var textX = PdfPageFlow.Left + QrSize + 10;
        var width = flow.Width - QrSize - 10;
        var top = flow.Y + 10;
        flow.Y = top;
        flow.Lines(["Pindai kode QR untuk memeriksa keaslian dokumen ini."], _small, BlockAlign.Left, textX, width);
        flow.Lines(flow.Wrap(url, _small, width), _small, BlockAlign.Left, textX, width);
        flow.Lines(["Kode verifikasi: " + code], _smallBold, BlockAlign.Left, textX, width);
        flow.Y = top - 10 + QrSize;
    }

    private void Footers(PdfDocument document, string url)
    {
        for (var i = 0; i < document.PageCount; i++)
        {
            var page = document.Pages[i];
            using var graphics = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var text = $"Verifikasi: {url}    Halaman {i + 1} dari {document.PageCount}";
            graphics.DrawString(text, _footer, XBrushes.Gray, PdfPageFlow.Left, page.Height.Point - PdfPageFlow.Bottom + 30);
        }
    }
}
