using System.IO.Compression;
using System.Text.Unicode;
using Pppk.Workflow.Engine.Localization;

namespace Pppk.Workflow.Host.CaseNotes;

/// <summary>What the bytes of a file are: its content type, how people call it, the names it may end in, and whether a case takes it.</summary>
internal sealed record SniffedType(string ContentType, Term Label, string[] Extensions, bool Allowed = true)
{
    public SniffedType(string contentType, string label, string[] extensions) : this(contentType, new Term($"{label} ({contentType})", $"{label} ({contentType})"), extensions)
    {
    }
}

/// <summary>
/// Decides a file's type from its bytes, never from what the client claimed (a browser sends whatever the name suggests,
/// so an .exe named .pdf would otherwise be served as a PDF). Only documents a verifier checks are allowed.
/// </summary>
internal static class FileSniffer
{
    public static readonly SniffedType Pdf = new("application/pdf", "PDF", [".pdf"]);
    public static readonly SniffedType Png = new("image/png", "PNG", [".png"]);
    public static readonly SniffedType Jpeg = new("image/jpeg", "JPEG", [".jpg", ".jpeg"]);
    public static readonly SniffedType Docx = new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "DOCX", [".docx"]);
    public static readonly SniffedType Xlsx = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "XLSX", [".xlsx"]);
    public static readonly SniffedType Csv = new("text/csv", "CSV", [".csv"]);
    public static readonly SniffedType Text = new("text/plain", new Term("plain text (text/plain)", "teks biasa (text/plain)"), [".txt", ".csv"]);

    /// <summary>The allowed types as a problem names them.</summary>
    public const string AllowedList = "PDF, PNG, JPEG, DOCX, XLSX, CSV, TXT";

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegSignature = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] OleSignature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    public static SniffedType Sniff(ReadOnlySpan<byte> bytes, string fileName)
    {
        if (bytes.StartsWith("%PDF-"u8)) return Pdf;
        if (bytes.StartsWith(PngSignature)) return Png;
        if (bytes.StartsWith(JpegSignature)) return Jpeg;
        if (bytes.StartsWith("PK\x03\x04"u8)) return Zip(bytes);
        if (bytes.StartsWith("MZ"u8)) return Refused("application/x-msdownload", "a Windows program", "program Windows");
        if (bytes.StartsWith("\u007FELF"u8)) return Refused("application/x-executable", "an ELF program", "program ELF");
        if (bytes.StartsWith(OleSignature)) return Refused("application/x-ole-storage", "an Office 97-2003 file (.doc/.xls)", "berkas Office 97-2003 (.doc/.xls)");
        if (bytes.StartsWith("GIF8"u8)) return Refused("image/gif", "GIF", "GIF");
        if (IsText(bytes)) return Path.GetExtension(fileName).Equals(".csv", StringComparison.OrdinalIgnoreCase) ? Csv : Text;
        return Refused("application/octet-stream", "unknown binary data", "data biner tak dikenal");
    }

    private static SniffedType Refused(string contentType, string english, string indonesian) =>
        new(contentType, new Term($"{english} ({contentType})", $"{indonesian} ({contentType})"), [], Allowed: false);

    /// <summary>A DOCX or XLSX is a zip with the package's content types and its main part; only the directory is read, nothing is inflated.</summary>
    private static SniffedType Zip(ReadOnlySpan<byte> bytes)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes.ToArray(), writable: false), ZipArchiveMode.Read);
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            if (!names.Contains("[Content_Types].xml")) return Refused("application/zip", "a ZIP archive", "arsip ZIP");
            // A macro-enabled document renamed to .docx/.xlsx carries its macros in vbaProject.bin.
            if (names.Any(n => n.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase))) return Refused("application/vnd.ms-office.macroEnabled", "an Office document with macros", "dokumen Office bermakro");
            if (names.Contains("word/document.xml")) return Docx;
            if (names.Contains("xl/workbook.xml")) return Xlsx;
            return Refused("application/zip", "a ZIP archive", "arsip ZIP");
        }
        catch (InvalidDataException)
        {
            return Refused("application/zip", "a damaged ZIP archive", "arsip ZIP rusak");
        }
    }

    /// <summary>UTF-8 (a BOM allowed) with no control characters but tab, line breaks and form feed.</summary>
    private static bool IsText(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(Utf8Bom)) bytes = bytes[3..];
        if (!Utf8.IsValid(bytes)) return false;
        foreach (var b in bytes)
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0C) || b == 0x7F) return false;
        return true;
    }
}
