using Pppk.Workflow.Engine.Localization;

namespace Pppk.Workflow.Domain.Imports;

/// <summary>Every CSV import error, by code, in English and Indonesian. Values and column names stay as in the file.</summary>
public static class ImportTexts
{
    // The file as a whole
    public static readonly TextTemplate EmptyFile = new("csv-empty",
        "The file is empty; expected a header row: {0}.",
        "Berkas kosong; diharapkan baris judul: {0}.");
    public static readonly TextTemplate MissingColumn = new("csv-missing-column",
        "Missing column '{0}' in the header; expected: {1}.",
        "Kolom '{0}' tidak ada pada baris judul; diharapkan: {1}.");
    public static readonly TextTemplate NotCsv = new("csv-invalid",
        "The file is not valid CSV: {0}",
        "Berkas bukan CSV yang sah: {0}");
    public static readonly TextTemplate NotUtf8 = new("csv-not-utf8",
        "Row {0} is not UTF-8 text; the file seems to be in another encoding (such as Windows-1252 or UTF-16). Save it as \"CSV UTF-8\" and send it again.",
        "Baris {0} bukan teks UTF-8; berkas tampaknya memakai pengodean lain (misalnya Windows-1252 atau UTF-16). Simpan sebagai \"CSV UTF-8\" lalu kirim ulang.");
    public static readonly TextTemplate NulCharacter = new("csv-nul",
        "Row {0} contains a NUL character, so the file is not UTF-8 text (a UTF-16 file has them). Save it as \"CSV UTF-8\" and send it again.",
        "Baris {0} berisi karakter NUL, jadi berkas bukan teks UTF-8 (berkas UTF-16 memilikinya). Simpan sebagai \"CSV UTF-8\" lalu kirim ulang.");
    public static readonly TextTemplate TooManyRows = new("csv-too-many-rows",
        "The file has more than {0} data rows; split it into files of at most {0} rows.",
        "Berkas berisi lebih dari {0} baris data; pecah menjadi beberapa berkas masing-masing paling banyak {0} baris.");
    public static readonly TextTemplate FieldTooLong = new("csv-field-too-long",
        "The value has {0} characters; a field may have at most {1}.",
        "Nilai berisi {0} karakter; satu kolom paling banyak {1} karakter.");
    public static readonly TextTemplate NoRows = new("csv-no-rows",
        "The file has a header but no data rows.",
        "Berkas memiliki baris judul tetapi tidak ada baris data.");

    // Values
    public static readonly TextTemplate Required = new("value-required",
        "Missing required value '{0}'.",
        "Nilai wajib '{0}' tidak diisi.");
    public static readonly TextTemplate NikDigits = new("nik-digits",
        "NIK '{0}' must be exactly 16 digits (it has {1} characters).",
        "NIK '{0}' harus tepat 16 digit (berisi {1} karakter).");
    public static readonly TextTemplate InvalidDate = new("date-invalid",
        "Date '{0}' is not a valid date in the form YYYY-MM-DD.",
        "Tanggal '{0}' bukan tanggal yang sah dalam bentuk TTTT-BB-HH.");
    public static readonly TextTemplate NotWholeNumber = new("number-not-whole",
        "'{0}' is not a whole number.",
        "'{0}' bukan bilangan bulat.");
    public static readonly TextTemplate OutOfRange = new("number-out-of-range",
        "{0} is out of range; allowed {1} to {2}.",
        "{0} di luar rentang; yang diizinkan {1} sampai {2}.");
    public static readonly TextTemplate InvalidEmail = new("email-invalid",
        "'{0}' is not a valid email address.",
        "'{0}' bukan alamat email yang sah.");
    public static readonly TextTemplate NotAllowed = new("value-not-allowed",
        "'{0}' is not allowed; use one of {1}.",
        "'{0}' tidak diizinkan; gunakan salah satu dari {1}.");
    public static readonly TextTemplate UnknownGrade = new("grade-unknown",
        "Unknown grade '{0}'; PPPK grades are I to XVII.",
        "Golongan '{0}' tidak dikenal; golongan PPPK adalah I sampai XVII.");
    public static readonly TextTemplate Duplicate = new("duplicate-in-file",
        "Duplicate {0} '{1}' in the file (also on row {2}).",
        "{0} '{1}' ganda dalam berkas (juga pada baris {2}).");

    // Against the database and other rows
    public static readonly TextTemplate UnknownFormation = new("formation-unknown",
        "Unknown formation code '{0}'; import the formations file first.",
        "Kode formasi '{0}' tidak dikenal; impor berkas formasi terlebih dahulu.");
    public static readonly TextTemplate UnknownRegistration = new("registration-unknown",
        "Unknown registration number '{0}'; import the applicants file first.",
        "Nomor peserta '{0}' tidak dikenal; impor berkas pelamar terlebih dahulu.");
    public static readonly TextTemplate NiDigits = new("ni-pppk-digits",
        "NI PPPK '{0}' must be exactly 18 digits.",
        "NI PPPK '{0}' harus tepat 18 digit.");
    public static readonly TextTemplate NiTaken = new("ni-pppk-taken",
        "NI PPPK '{0}' already belongs to the employee with NIK {1}.",
        "NI PPPK '{0}' sudah dimiliki pegawai dengan NIK {1}.");
    public static readonly TextTemplate UnknownUnit = new("unit-unknown",
        "Unknown unit code '{0}'; the unit must exist (seed the units or import its formations first).",
        "Kode unit '{0}' tidak dikenal; unit harus sudah ada (isi data unit atau impor formasinya terlebih dahulu).");
    public static readonly TextTemplate EndBeforeTmt = new("contract-end-before-tmt",
        "Contract end {0} must be after the TMT {1}.",
        "Akhir kontrak {0} harus setelah TMT {1}.");
    public static readonly TextTemplate TermTooLong = new("contract-term-too-long",
        "Contract end {0} is more than 5 years after the TMT; a PPPK term is 1 to 5 years.",
        "Akhir kontrak {0} lebih dari 5 tahun setelah TMT; masa kontrak PPPK 1 sampai 5 tahun.");
    public static readonly TextTemplate SkTaken = new("sk-number-taken",
        "SK number '{0}' already belongs to the employee with NIK {1}.",
        "Nomor SK '{0}' sudah dimiliki pegawai dengan NIK {1}.");

    // The agency's own data (rounds, fiscal settings, unit budgets, evaluations)
    public static readonly TextTemplate UnknownRound = new("round-unknown",
        "Unknown round {0} wave {1}; import the rounds file (or its formations) first.",
        "Seleksi tahun {0} tahap {1} tidak dikenal; impor berkas seleksi (atau formasinya) terlebih dahulu.");
    public static readonly TextTemplate DateOrder = new("date-order",
        "'{0}' {1} is before '{2}' {3}.",
        "'{0}' {1} lebih awal dari '{2}' {3}.");
    public static readonly TextTemplate NotRupiah = new("rupiah-invalid",
        "'{0}' is not an amount in whole rupiah (digits, optionally with dots between thousands).",
        "'{0}' bukan jumlah rupiah bulat (angka, boleh dengan titik pemisah ribuan).");
    public static readonly TextTemplate NotPercent = new("percent-invalid",
        "'{0}' is not a percentage from 0 to 100.",
        "'{0}' bukan persentase 0 sampai 100.");
    public static readonly TextTemplate SpendingOverBudget = new("personnel-spending-over-apbd",
        "Personnel spending {0} is more than the APBD {1}.",
        "Belanja pegawai {0} lebih besar dari APBD {1}.");
    public static readonly TextTemplate ThresholdsMoved = new("thresholds-moved",
        "Passing thresholds are no longer data of a round: they are set in the decision table 'Ambang batas seleksi' (menu Keputusan).",
        "Ambang batas kini diatur di tabel keputusan 'Ambang batas seleksi' (menu Keputusan).");
    public static readonly TextTemplate EmployeeKeyRequired = new("employee-key-required",
        "Give the employee's NIK or NI PPPK.",
        "Isi NIK atau NI PPPK pegawai.");
    public static readonly TextTemplate UnknownEmployee = new("employee-unknown",
        "No employee with {0} '{1}'; import the employees first.",
        "Tidak ada pegawai dengan {0} '{1}'; impor berkas pegawai terlebih dahulu.");
    public static readonly TextTemplate EmployeeMismatch = new("employee-mismatch",
        "NIK '{0}' and NI PPPK '{1}' belong to different employees.",
        "NIK '{0}' dan NI PPPK '{1}' milik pegawai yang berbeda.");

    // The answer of POST /api/imports/{kind}
    public static readonly TextTemplate ImportFailed = new("import-failed",
        "The {0} file has {1} problem(s); nothing was imported. Fix the rows listed and send the whole file again.",
        "Berkas {0} memiliki {1} masalah; tidak ada yang diimpor. Perbaiki baris yang tercantum lalu kirim ulang seluruh berkas.");

    /// <summary>An import kind as the URL names it, and as the Impor CSV page calls it.</summary>
    public static Term ImportKind(string kind) => new(kind, kind switch
    {
        "formations" => "formasi",
        "applicants" => "pelamar",
        "scores" => "nilai",
        "employees" => "pegawai",
        "rounds" => "seleksi",
        "thresholds" => "ambang batas",
        "fiscal-settings" => "data fiskal daerah",
        "budgets" => "anggaran unit",
        "evaluations" => "penilaian kinerja",
        _ => kind,
    });
}
