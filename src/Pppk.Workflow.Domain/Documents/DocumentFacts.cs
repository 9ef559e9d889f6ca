using System.Globalization;

namespace Pppk.Workflow.Domain.Documents;

/// <summary>The kinds of document the agency signs, with their default template file in <c>workflows/documents/</c>.</summary>
public enum DocumentKind
{
    Sk,
    SkKolektif,
    PerjanjianKerja,
    Spmt,
    SkPerpanjangan,
    PemberitahuanTidakDiperpanjang,
    SkParuhWaktu,
    PengumumanPeringkat,
}

public static class DocumentKinds
{
    public static string Code(this DocumentKind kind) => kind switch
    {
        DocumentKind.Sk => "sk",
        DocumentKind.SkKolektif => "sk-kolektif",
        DocumentKind.PerjanjianKerja => "perjanjian-kerja",
        DocumentKind.Spmt => "spmt",
        DocumentKind.SkPerpanjangan => "sk-perpanjangan",
        DocumentKind.PemberitahuanTidakDiperpanjang => "pemberitahuan-tidak-diperpanjang",
        DocumentKind.SkParuhWaktu => "sk-paruh-waktu",
        DocumentKind.PengumumanPeringkat => "pengumuman-peringkat",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The kind of a code (<c>sk-perpanjangan</c>), or null when none has it.</summary>
    public static DocumentKind? FromCode(string? code) =>
        Enum.GetValues<DocumentKind>().Cast<DocumentKind?>().FirstOrDefault(k => k!.Value.Code() == code);

    public static string TemplateFile(this DocumentKind kind) => kind switch
    {
        DocumentKind.Sk => "sk-pengangkatan.docx",
        DocumentKind.SkKolektif => "sk-pengangkatan-kolektif.docx",
        DocumentKind.PerjanjianKerja => "perjanjian-kerja.docx",
        DocumentKind.Spmt => "spmt.docx",
        DocumentKind.SkPerpanjangan => "sk-perpanjangan.docx",
        DocumentKind.PemberitahuanTidakDiperpanjang => "pemberitahuan-tidak-diperpanjang.docx",
        DocumentKind.SkParuhWaktu => "sk-paruh-waktu.docx",
        DocumentKind.PengumumanPeringkat => "pengumuman-peringkat.docx",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The kind's name as the verification page prints it.</summary>
    public static string Title(this DocumentKind kind) => kind switch
    {
        DocumentKind.Sk or DocumentKind.SkKolektif => "Keputusan Pengangkatan PPPK",
        DocumentKind.PerjanjianKerja => "Perjanjian Kerja",
        DocumentKind.Spmt => "Surat Pernyataan Melaksanakan Tugas",
        DocumentKind.SkPerpanjangan => "Keputusan Perpanjangan Perjanjian Kerja PPPK",
        DocumentKind.PemberitahuanTidakDiperpanjang => "Pemberitahuan Perjanjian Kerja Tidak Diperpanjang",
        DocumentKind.SkParuhWaktu => "Keputusan Pengangkatan PPPK Paruh Waktu",
        DocumentKind.PengumumanPeringkat => "Pengumuman Hasil Seleksi PPPK",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}

/// <summary>One appointee as the documents print them; <see cref="Salary"/> is the monthly base salary in rupiah.</summary>
public sealed record Appointee(string Name, string Nik, string? NiPppk, string Position, string Unit, string Grade, decimal Salary);

/// <summary>Who signs: the name and title under the signature, and the "a.n."/"Plh." line above the title when someone acts for the PPK.</summary>
public sealed record DocumentSigner(string Name, string Title, string? OnBehalfLine = null);

/// <summary>
/// The data one document is generated from. The three dates stay apart (the SK date, the TMT and the SPMT date);
/// <see cref="Date"/> is the document's own date (the SK date for an SK). An individual document has one appointee.
/// </summary>
public sealed record DocumentFacts(
    DocumentKind Kind,
    string Number,
    DateOnly Date,
    string SkNumber,
    DateOnly SkDate,
    DateOnly Tmt,
    DateOnly? SpmtDate,
    int TermMonths,
    string Place,
    DocumentSigner Signer,
    IReadOnlyList<Appointee> Appointees)
{
    /// <summary>The kind's own fields (a notice's reason, a part-time SK's hours, a formation's code), already formatted.</summary>
    public IReadOnlyDictionary<string, string> Extra { get; init; } = new Dictionary<string, string>();

    /// <summary>The ranked applicants of an announcement, best first.</summary>
    public IReadOnlyList<RankedParticipant> Participants { get; init; } = [];

    /// <summary>The name a document without one appointee is stored under (e.g. "Formasi F-1: Guru"); null: the appointees'.</summary>
    public string? Subject { get; init; }

    /// <summary>Every placeholder's text, formatted the Indonesian way.</summary>
    public DocumentValues Values()
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["nomor"] = Number,
            ["tanggal"] = IndonesianFormat.Date(Date),
            ["nomor_sk"] = SkNumber,
            ["tanggal_sk"] = IndonesianFormat.Date(SkDate),
            ["tmt"] = IndonesianFormat.Date(Tmt),
            ["tanggal_spmt"] = SpmtDate is { } spmt ? IndonesianFormat.Date(spmt) : "",
            ["masa_kontrak"] = IndonesianFormat.Term(TermMonths),
            ["tanggal_akhir_kontrak"] = IndonesianFormat.Date(Tmt.AddMonths(TermMonths).AddDays(-1)),
            ["tempat_penetapan"] = Place,
            ["penandatangan"] = Signer.Name,
            ["jabatan_penandatangan"] = Signer.Title,
            ["an_plh"] = Signer.OnBehalfLine ?? "",
            ["jumlah_pegawai"] = Appointees.Count.ToString(CultureInfo.InvariantCulture),
        };
        if (Appointees.Count > 0)
            foreach (var (name, value) in Row(Appointees[0], 1))
                if (name != "no") fields[name] = value;
        foreach (var (name, value) in Extra) fields[name] = value;
        var rows = Appointees.Select((a, i) => (IReadOnlyDictionary<string, string>)Row(a, i + 1)).ToList();
        return new DocumentValues(fields, new Dictionary<string, IReadOnlyList<IReadOnlyDictionary<string, string>>>
        {
            [Placeholders.Appointees] = rows,
            [KindPlaceholders.Participants] = Participants.Select((p, i) => (IReadOnlyDictionary<string, string>)p.Row(i + 1)).ToList(),
        });
    }

    private static Dictionary<string, string> Row(Appointee a, int number) => new(StringComparer.Ordinal)
    {
        ["no"] = number.ToString(CultureInfo.InvariantCulture),
        ["nama"] = a.Name,
        ["nik"] = a.Nik,
        ["ni_pppk"] = a.NiPppk ?? "",
        ["jabatan"] = a.Position,
        ["unit_kerja"] = a.Unit,
        ["golongan"] = a.Grade,
        ["gaji"] = IndonesianFormat.Rupiah(a.Salary),
        ["gaji_terbilang"] = Terbilang.Rupiah(a.Salary),
    };
}

/// <summary>An applicant's line in a formation's ranking announcement; scores null when the applicant has none (not scored).</summary>
public sealed record RankedParticipant(int Rank, string Name, string RegistrationNumber, int? Technical, int? Managerial, int? Interview, bool Passed, string? Reason)
{
    public Dictionary<string, string> Row(int number) => new(StringComparer.Ordinal)
    {
        ["no"] = number.ToString(CultureInfo.InvariantCulture),
        ["nama"] = Name,
        ["nomor_peserta"] = RegistrationNumber,
        ["nilai_teknis"] = Score(Technical),
        ["nilai_manajerial"] = Score(Managerial),
        ["nilai_wawancara"] = Score(Interview),
        ["nilai_total"] = Technical is null && Managerial is null && Interview is null ? "-" : Score((Technical ?? 0) + (Managerial ?? 0) + (Interview ?? 0)),
        ["peringkat"] = Rank.ToString(CultureInfo.InvariantCulture),
        ["hasil"] = Passed ? "LULUS" : "TIDAK LULUS",
        ["keterangan"] = Reason ?? "",
    };

    private static string Score(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "-";
}

/// <summary>Placeholder texts: the document's fields and, per repeating list, one set of fields per row.</summary>
public sealed record DocumentValues(
    IReadOnlyDictionary<string, string> Fields,
    IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyDictionary<string, string>>> Lists);
