using PdfSharp.Fonts;

namespace Pppk.Workflow.Domain.Documents;

/// <summary>
/// PDFsharp's font source: on Linux it finds no fonts by itself, so every family name resolves to DejaVu Sans (regular
/// or bold) read from <see cref="DocumentsOptions.FontDirectory"/>. PDFsharp holds one resolver per process, set once.
/// </summary>
internal sealed class PdfFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";

    public static readonly string[] Files = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"];

    private static readonly Lock Gate = new();
    private static PdfFonts? _installed;

    private readonly Dictionary<string, byte[]> _faces;

    private PdfFonts(string directory) => _faces = new(StringComparer.Ordinal)
    {
        ["regular"] = Read(directory, Files[0]),
        ["bold"] = Read(directory, Files[1]),
    };

    public static void Install(string directory)
    {
        lock (Gate)
        {
            if (_installed is not null) return;
            _installed = new PdfFonts(directory);
            GlobalFontSettings.FontResolver = _installed;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) => new(bold ? "bold" : "regular");

    public byte[]? GetFont(string faceName) => _faces.GetValueOrDefault(faceName);

    private static byte[] Read(string directory, string file)
    {
        var path = Path.Combine(directory, file);
        return File.Exists(path)
            ? File.ReadAllBytes(path)
            : throw new FileNotFoundException($"The PDF font {path} is missing: install Debian's fonts-dejavu-core or set Documents:FontDirectory.", path);
    }
}
