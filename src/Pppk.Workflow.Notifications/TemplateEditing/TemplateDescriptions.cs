namespace Pppk.Workflow.Notifications.TemplateEditing;

/// <summary>What each shipped template is for, as the editor's list shows it (workflows/templates/README.md says the same in English).</summary>
internal static class TemplateDescriptions
{
    private static readonly Dictionary<string, string> Descriptions = new(StringComparer.Ordinal)
    {
        ["hasil-seleksi"] = "Hasil seleksi PPPK untuk pelamar",
        ["hasil-administrasi-tms"] = "Hasil administrasi TMS dengan masa sanggah",
        ["koreksi-hasil-seleksi"] = "Koreksi hasil seleksi setelah pemeringkatan ulang",
        ["pengingat-drh"] = "Pengingat pengisian DRH",
        ["sk-terbit"] = "SK dan kontrak PPPK terbit",
        ["sk-paruh-waktu"] = "SK dan kontrak PPPK paruh waktu terbit",
        ["hasil-evaluasi"] = "Hasil penilaian kinerja",
        ["keputusan-perpanjangan"] = "Keputusan perpanjangan kontrak",
        ["pengingat-kontrak-berakhir"] = "Pengingat kontrak berakhir (untuk BKPSDM dan unit)",
        ["pengingat-tugas"] = "Pengingat tugas yang belum selesai",
        ["eskalasi-tugas"] = "Eskalasi tugas yang melewati batas",
        ["sanggah-ditolak"] = "Jawaban sanggah: tetap TMS",
        ["laporan-peringkat"] = "Laporan peringkat formasi untuk BKPSDM",
        ["pengingat-ni"] = "Pengingat NI PPPK yang belum terbit dari BKN",
        ["peringatan-distribusi"] = "Peringatan distribusi predikat unit melampaui batas",
        ["pengingat-kontrak-pegawai"] = "Pengingat kontrak berakhir untuk pegawai",
        ["ringkasan-harian"] = "Ringkasan tugas harian",
    };

    public static string? Of(string name) => Descriptions.GetValueOrDefault(name);
}
