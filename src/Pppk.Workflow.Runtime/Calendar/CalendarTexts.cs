using Pppk.Workflow.Engine.Localization;

namespace Pppk.Workflow.Runtime.Calendar;

/// <summary>Why a holiday, a year or an import row was refused, by code, in English and Indonesian.</summary>
public static class CalendarTexts
{
    // {0} the field
    public static readonly TextTemplate Required = new("holiday-field-required",
        "{0} is required.",
        "{0} wajib diisi.");
    // {0} the text sent
    public static readonly TextTemplate BadDate = new("holiday-date-invalid",
        "date '{0}' is not a date in the form yyyy-mm-dd.",
        "tanggal '{0}' bukan tanggal berbentuk yyyy-mm-dd.");
    // {0} the year, {1} first, {2} last
    public static readonly TextTemplate YearOutOfRange = new("holiday-year-out-of-range",
        "The year {0} is outside {1}-{2}.",
        "Tahun {0} di luar {1}-{2}.");
    public static readonly TextTemplate YearMissing = new("holiday-year-missing",
        "The year {0} is not in the calendar yet; add the year (or import it from a CSV) first.",
        "Tahun {0} belum ada di kalender; tambahkan tahunnya (atau impor dari CSV) lebih dulu.");
    // {0} the kind sent
    public static readonly TextTemplate BadKind = new("holiday-kind-invalid",
        "kind '{0}' is unknown; use 'libur' or 'cuti-bersama'.",
        "jenis '{0}' tidak dikenal; gunakan 'libur' atau 'cuti-bersama'.");
    // {0} the field, {1} the length, {2} the limit
    public static readonly TextTemplate TooLong = new("holiday-field-too-long",
        "{0} has {1} characters; at most {2} are allowed.",
        "{0} berisi {1} karakter; paling banyak {2} karakter.");
    // {0} the region sent
    public static readonly TextTemplate BadRegion = new("holiday-region-invalid",
        "region '{0}' may hold only lower-case letters, digits and '-' (e.g. kukar).",
        "wilayah '{0}' hanya boleh berisi huruf kecil, angka dan '-' (misalnya kukar).");
    // {0} the date, {1} the region or "nasional"
    public static readonly TextTemplate Duplicate = new("holiday-duplicate",
        "There is already a holiday on {0} ({1}).",
        "Sudah ada hari libur pada {0} ({1}).");
    public static readonly TextTemplate NotFound = new("holiday-not-found",
        "There is no holiday {0}.",
        "Tidak ada hari libur {0}.");
    // {0} the date, {1} the year of the import
    public static readonly TextTemplate OtherYear = new("holiday-import-other-year",
        "The date {0} is not in {1}, the year being imported.",
        "Tanggal {0} tidak berada di tahun {1} yang sedang diimpor.");
    // {0} the expected header
    public static readonly TextTemplate BadHeader = new("holiday-import-header",
        "The first line must be the header: {0}.",
        "Baris pertama harus berupa judul kolom: {0}.");
    // {0} the count, {1} the limit
    public static readonly TextTemplate TooManyRows = new("holiday-import-too-many-rows",
        "The file has {0} rows; at most {1} are allowed.",
        "Berkas berisi {0} baris; paling banyak {1} baris.");
    // {0} columns found, {1} expected
    public static readonly TextTemplate ColumnCount = new("holiday-import-columns",
        "The line has {0} columns; {1} are expected.",
        "Baris berisi {0} kolom; seharusnya {1} kolom.");
    public static readonly TextTemplate Unterminated = new("holiday-import-quote",
        "A quoted value is not closed.",
        "Nilai dalam tanda kutip tidak ditutup.");
    public static readonly TextTemplate Empty = new("holiday-import-empty",
        "The file is empty.",
        "Berkas kosong.");
    // {0} the line, {1} the problem
    public static readonly TextTemplate AtLine = new("holiday-import-line",
        "Line {0}: {1}",
        "Baris {0}: {1}");
}
