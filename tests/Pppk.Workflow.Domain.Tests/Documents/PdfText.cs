using System.Diagnostics;
using UglyToad.PdfPig;

namespace Pppk.Workflow.Domain.Tests.Documents;

/// <summary>Reads a PDF's text back with PdfPig, and saves PDFs (and PNG pages, when poppler's pdftoppm is installed) for a person to look at.</summary>
internal static class PdfText
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>Each page's text, words joined by single spaces (PdfPig gives words, not the line layout).</summary>
    public static IReadOnlyList<string> Pages(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))).ToList();
    }

    public static string All(byte[] pdf) => string.Join(" ", Pages(pdf));

    /// <summary>Writes <c>name.pdf</c> and, if pdftoppm is on the PATH, <c>name-1.png</c> for the first <paramref name="pages"/> pages.</summary>
    public static void Save(string name, byte[] pdf, int pages = 2)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var path = Path.Combine(Directory, name + ".pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdftoppm", ["-png", "-r", "80", "-l", pages.ToString(System.Globalization.CultureInfo.InvariantCulture), path, Path.Combine(Directory, name)])
            {
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            process?.WaitForExit();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No pdftoppm: the PDF alone is kept.
        }
    }
}
