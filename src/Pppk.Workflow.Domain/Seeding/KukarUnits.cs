namespace Pppk.Workflow.Domain.Seeding;

/// <summary>The 59 units (OPD) of the Kutai Kartanegara regency government used by the synthetic dataset.</summary>
public static class KukarUnits
{
    /// <summary>Code, name, and the unit's weight in technical staff (kecamatan offices are small).</summary>
    public static readonly IReadOnlyList<(string Code, string Name, int Weight)> All =
    [
        ("SETDA", "Sekretariat Daerah", 8),
        ("SETWAN", "Sekretariat DPRD", 4),
        ("INSP", "Inspektorat Daerah", 3),
        ("BAPPEDA", "Badan Perencanaan Pembangunan Daerah", 3),
        ("BKPSDM", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", 4),
        ("BPKAD", "Badan Pengelolaan Keuangan dan Aset Daerah", 4),
        ("BAPENDA", "Badan Pendapatan Daerah", 4),
        ("BPBD", "Badan Penanggulangan Bencana Daerah", 3),
        ("KESBANGPOL", "Badan Kesatuan Bangsa dan Politik", 2),
        ("DISDIKBUD", "Dinas Pendidikan dan Kebudayaan", 10),
        ("DINKES", "Dinas Kesehatan", 8),
        ("RSUD-AMP", "RSUD AM Parikesit", 6),
        ("RSUD-ABADS", "RSUD Aji Batara Agung Dewa Sakti", 4),
        ("RSUD-DR", "RSUD Dayaku Raja", 4),
        ("DPUPR", "Dinas Pekerjaan Umum dan Penataan Ruang", 6),
        ("DPKP", "Dinas Perumahan dan Kawasan Permukiman", 3),
        ("DINSOS", "Dinas Sosial", 3),
        ("DISNAKERTRANS", "Dinas Tenaga Kerja dan Transmigrasi", 3),
        ("DP3A", "Dinas Pemberdayaan Perempuan dan Perlindungan Anak", 2),
        ("DPPKB", "Dinas Pengendalian Penduduk dan Keluarga Berencana", 3),
        ("DKP", "Dinas Ketahanan Pangan", 2),
        ("DLHK", "Dinas Lingkungan Hidup dan Kehutanan", 5),
        ("DISDUKCAPIL", "Dinas Kependudukan dan Pencatatan Sipil", 4),
        ("DPMD", "Dinas Pemberdayaan Masyarakat dan Desa", 3),
        ("DISHUB", "Dinas Perhubungan", 4),
        ("DISKOMINFO", "Dinas Komunikasi dan Informatika", 3),
        ("DISKOP-UKM", "Dinas Koperasi dan Usaha Kecil Menengah", 2),
        ("DPMPTSP", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", 3),
        ("DISPORA", "Dinas Pemuda dan Olahraga", 2),
        ("DISPAR", "Dinas Pariwisata", 2),
        ("DISPUSIP", "Dinas Perpustakaan dan Kearsipan", 2),
        ("DKP-IKAN", "Dinas Kelautan dan Perikanan", 2),
        ("DISTANAK", "Dinas Pertanian dan Peternakan", 5),
        ("DISBUN", "Dinas Perkebunan", 3),
        ("DISPERINDAG", "Dinas Perindustrian dan Perdagangan", 2),
        ("SATPOLPP", "Satuan Polisi Pamong Praja", 5),
        ("DAMKAR", "Dinas Pemadam Kebakaran dan Penyelamatan", 3),
        ("PERTANAHAN", "Dinas Pertanahan", 2),
        ("KEC-TGR", "Kecamatan Tenggarong", 2),
        ("KEC-TGS", "Kecamatan Tenggarong Seberang", 1),
        ("KEC-LJN", "Kecamatan Loa Janan", 1),
        ("KEC-LKL", "Kecamatan Loa Kulu", 1),
        ("KEC-SGS", "Kecamatan Sanga-Sanga", 1),
        ("KEC-MJW", "Kecamatan Muara Jawa", 1),
        ("KEC-SBJ", "Kecamatan Samboja", 1),
        ("KEC-SBJB", "Kecamatan Samboja Barat", 1),
        ("KEC-AGN", "Kecamatan Anggana", 1),
        ("KEC-MBD", "Kecamatan Muara Badak", 1),
        ("KEC-MKY", "Kecamatan Marang Kayu", 1),
        ("KEC-SBL", "Kecamatan Sebulu", 1),
        ("KEC-MKM", "Kecamatan Muara Kaman", 1),
        ("KEC-KBG", "Kecamatan Kota Bangun", 1),
        ("KEC-KBGD", "Kecamatan Kota Bangun Darat", 1),
        ("KEC-MMT", "Kecamatan Muara Muntai", 1),
        ("KEC-KNH", "Kecamatan Kenohan", 1),
        ("KEC-KJG", "Kecamatan Kembang Janggut", 1),
        ("KEC-TBG", "Kecamatan Tabang", 1),
        ("KEC-MWS", "Kecamatan Muara Wis", 1),
        ("BRIDA", "Badan Riset dan Inovasi Daerah", 2),
    ];

    public const string Education = "DISDIKBUD";

    public static readonly IReadOnlyList<string> Health = ["DINKES", "RSUD-AMP", "RSUD-ABADS", "RSUD-DR"];

    public static readonly IReadOnlyList<string> Districts =
        ["Tenggarong", "Tenggarong Seberang", "Loa Janan", "Loa Kulu", "Sanga-Sanga", "Muara Jawa", "Samboja", "Anggana", "Muara Badak",
         "Marang Kayu", "Sebulu", "Muara Kaman", "Kota Bangun", "Muara Muntai", "Kenohan", "Kembang Janggut", "Tabang", "Muara Wis"];

    public static readonly IReadOnlyList<string> TechnicalPositions =
    [
        "Pengelola Umum Operasional", "Penata Layanan Operasional", "Operator Layanan Operasional", "Pengadministrasi Perkantoran",
        "Pranata Komputer Ahli Pertama", "Pranata Komputer Terampil", "Arsiparis Terampil", "Analis Kebijakan Ahli Pertama",
        "Pengelola Pengadaan Barang/Jasa Ahli Pertama", "Penata Kelola Sistem dan Teknologi Informasi", "Teknik Jalan dan Jembatan Ahli Pertama",
        "Penyuluh Pertanian Ahli Pertama", "Pranata Hubungan Masyarakat Ahli Pertama", "Pengawas Lingkungan Hidup Ahli Pertama",
        "Pemadam Kebakaran Terampil", "Polisi Pamong Praja Terampil", "Pustakawan Ahli Pertama", "Analis Keuangan Pusat dan Daerah Ahli Pertama",
    ];

    public static readonly IReadOnlyList<string> TeacherPositions =
    [
        "Guru Kelas Ahli Pertama", "Guru Pendidikan Jasmani Olahraga dan Kesehatan Ahli Pertama", "Guru Pendidikan Agama Islam Ahli Pertama",
        "Guru Matematika Ahli Pertama", "Guru Bahasa Indonesia Ahli Pertama", "Guru Bahasa Inggris Ahli Pertama", "Guru Ilmu Pengetahuan Alam Ahli Pertama",
        "Guru Ilmu Pengetahuan Sosial Ahli Pertama", "Guru Seni Budaya Ahli Pertama", "Guru Bimbingan dan Konseling Ahli Pertama",
    ];

    public static readonly IReadOnlyList<string> HealthPositions =
    [
        "Perawat Ahli Pertama", "Perawat Terampil", "Bidan Terampil", "Bidan Ahli Pertama", "Dokter Ahli Pertama", "Apoteker Ahli Pertama",
        "Asisten Apoteker Terampil", "Pranata Laboratorium Kesehatan Terampil", "Nutrisionis Terampil", "Sanitarian Terampil",
        "Radiografer Terampil", "Perekam Medis Terampil", "Fisioterapis Terampil",
    ];

    public static readonly IReadOnlyList<string> FirstNames =
    [
        "Ahmad", "Muhammad", "Rizky", "Dewi", "Siti", "Nur", "Andi", "Budi", "Agus", "Sri", "Rina", "Fitri", "Yuli", "Eko", "Hendra",
        "Indah", "Wahyu", "Putri", "Dian", "Rahmat", "Aji", "Awang", "Dayang", "Fajar", "Gita", "Hasan", "Irma", "Joko", "Kartini", "Lestari",
        "Maya", "Nanda", "Oktavia", "Puspita", "Ratna", "Syahrul", "Taufik", "Umi", "Vivi", "Yusuf", "Zainal", "Ayu", "Bayu", "Citra",
        "Doni", "Erna", "Firman", "Hairul", "Ikhsan", "Jumiati", "Khairunnisa", "Lukman", "Mardiana", "Nurhayati", "Rusdi", "Samsul",
    ];

    public static readonly IReadOnlyList<string> LastNames =
    [
        "Saputra", "Wijaya", "Hidayat", "Rahmawati", "Lestari", "Pratama", "Kurniawan", "Setiawan", "Sari", "Permata", "Syahputra", "Nugroho",
        "Hasanah", "Ramadhan", "Susanti", "Firmansyah", "Anggraini", "Maulana", "Wulandari", "Gunawan", "Rahman", "Fauzi", "Handayani",
        "Prasetyo", "Yulianti", "Abdullah", "Mulyadi", "Irawan", "Safitri", "Aminah", "Junaidi", "Hamdani", "Noor", "Ariffin", "Mahmud",
    ];
}
