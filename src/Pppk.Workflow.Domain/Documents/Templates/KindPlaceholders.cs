using System.Collections.Frozen;

namespace Pppk.Workflow.Domain.Documents;

/// <summary>The placeholders one kind's template may name: its fields, and per repeating list the fields of a row.</summary>
public sealed record PlaceholderVocabulary(FrozenSet<string> Fields, IReadOnlyDictionary<string, FrozenSet<string>> Sections)
{
    /// <summary>Names a row may use outside its list are refused as row fields (not as unknown names).</summary>
    public bool IsRowField(string name) => Sections.Values.Any(s => s.Contains(name));

    public string KnownList() => string.Join(", ", Fields.Concat(Sections.Values.SelectMany(s => s)).Distinct().Order(StringComparer.Ordinal));

    public string SectionList() => string.Join(", ", Sections.Keys.Order(StringComparer.Ordinal));
}

/// <summary>Which placeholders each kind's template may name: an uploaded template is checked against its own kind.</summary>
public static class KindPlaceholders
{
    public const string Participants = "peserta";

    /// <summary>A row of the ranking announcement: one applicant of the formation with their scores and result.</summary>
    public static readonly FrozenSet<string> ParticipantFields = FrozenSet.Create(StringComparer.Ordinal,
        "no", "nama", "nomor_peserta", "nilai_teknis", "nilai_manajerial", "nilai_wawancara", "nilai_total", "peringkat", "hasil", "keterangan");

    /// <summary>What every document has: its number and date, where it is set and who signs it.</summary>
    private static readonly string[] Common = ["nomor", "tanggal", "tempat_penetapan", "penandatangan", "jabatan_penandatangan", "an_plh"];

    private static readonly string[] Formation =
        ["kode_formasi", "jabatan_formasi", "unit_formasi", "kuota", "seleksi", "tahun_seleksi", "jumlah_peserta", "jumlah_lulus"];

    private static PlaceholderVocabulary Employee(params string[] extra) => new(
        Placeholders.Fields.Concat(extra).ToFrozenSet(StringComparer.Ordinal),
        new Dictionary<string, FrozenSet<string>> { [Placeholders.Appointees] = Placeholders.RowFields });

    private static readonly FrozenDictionary<DocumentKind, PlaceholderVocabulary> ByKind = new Dictionary<DocumentKind, PlaceholderVocabulary>
    {
        [DocumentKind.Sk] = Employee(),
        [DocumentKind.SkKolektif] = Employee(),
        [DocumentKind.PerjanjianKerja] = Employee(),
        [DocumentKind.Spmt] = Employee(),
        [DocumentKind.SkPerpanjangan] = Employee("nomor_sk_sebelumnya", "tanggal_akhir_kontrak_sebelumnya"),
        [DocumentKind.PemberitahuanTidakDiperpanjang] = Employee("alasan", "hari_terakhir"),
        [DocumentKind.SkParuhWaktu] = Employee("jam_kerja", "dasar_upah"),
        [DocumentKind.PengumumanPeringkat] = new(Common.Concat(Formation).ToFrozenSet(StringComparer.Ordinal),
            new Dictionary<string, FrozenSet<string>> { [Participants] = ParticipantFields }),
    }.ToFrozenDictionary();

    public static PlaceholderVocabulary For(DocumentKind kind) => ByKind[kind];
}
