using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Pppk.Workflow.Domain.Documents;

/// <summary>The placeholders a template may name: <c>{{nama}}</c> for a value, <c>{{#pegawai}}…{{/pegawai}}</c> in a table row to repeat it per appointee.</summary>
public static partial class Placeholders
{
    public const string Appointees = "pegawai";

    /// <summary>Values of the document as a whole (for an individual document, the appointee's own too).</summary>
    public static readonly FrozenSet<string> Fields = FrozenSet.Create(StringComparer.Ordinal,
        "nama", "nik", "ni_pppk", "jabatan", "unit_kerja", "golongan", "gaji", "gaji_terbilang",
        "nomor", "tanggal", "nomor_sk", "tanggal_sk", "tmt", "tanggal_spmt", "masa_kontrak", "tanggal_akhir_kontrak",
        "tempat_penetapan", "penandatangan", "jabatan_penandatangan", "an_plh", "jumlah_pegawai");

    /// <summary>Values of one row of a repeating list (an appointee), plus its running number <c>no</c>.</summary>
    public static readonly FrozenSet<string> RowFields = FrozenSet.Create(StringComparer.Ordinal,
        "no", "nama", "nik", "ni_pppk", "jabatan", "unit_kerja", "golongan", "gaji", "gaji_terbilang");

    public static readonly FrozenSet<string> Sections = FrozenSet.Create(StringComparer.Ordinal, Appointees);

    /// <summary>Spaces inside the braces are allowed (Word users type them); names are lower-case with underscores.</summary>
    [GeneratedRegex(@"\{\{\s*(?<mark>[#/]?)\s*(?<name>[A-Za-z0-9_]+)\s*\}\}", RegexOptions.CultureInvariant)]
    public static partial Regex Pattern();

    public static string KnownList() => string.Join(", ", Fields.Concat(RowFields).Distinct().Order(StringComparer.Ordinal));
}
