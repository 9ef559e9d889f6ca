using Pppk.Workflow.Engine.Localization;

namespace Pppk.Workflow.Host.Api;

/// <summary>The host's own problem titles, by code, in English and Indonesian.</summary>
public static class HostTexts
{
    public static readonly TextTemplate InvalidDefinition = new("invalid-definition",
        "The definition is not valid; nothing was deployed.",
        "Definisi tidak sah; tidak ada yang diterapkan.");
    public static readonly TextTemplate ImportFailed = new("import-failed",
        "The {0} file has {1} problem(s); nothing was imported. Fix the rows listed and send the whole file again.",
        "Berkas {0} memiliki {1} masalah; tidak ada yang diimpor. Perbaiki baris yang tercantum lalu kirim ulang seluruh berkas.");
    public static readonly TextTemplate InvalidJson = new("invalid-json",
        "The request body is not valid JSON: {0}",
        "Isi permintaan bukan JSON yang sah: {0}");

    // What a status means to a user, for problems that have no text of their own in Indonesian
    public static readonly TextTemplate BadRequest = new("bad-request",
        "The request is not valid.",
        "Permintaan tidak sah; periksa isian lalu coba lagi.");
    public static readonly TextTemplate Unauthorized = new("unauthorized",
        "Sign in first.",
        "Anda belum masuk atau sesi telah berakhir; silakan masuk kembali.");
    public static readonly TextTemplate Forbidden = new("forbidden",
        "Your role does not allow this.",
        "Akses ditolak: peran Anda tidak mengizinkan tindakan ini.");
    public static readonly TextTemplate NotFound = new("not-found",
        "Not found.",
        "Data yang diminta tidak ditemukan; mungkin sudah dihapus atau alamatnya salah.");
    public static readonly TextTemplate Conflict = new("conflict",
        "The action conflicts with the current state.",
        "Tindakan tidak dapat dilakukan karena keadaan data sudah berubah (mis. tugas sudah diselesaikan); muat ulang halaman.");
    public static readonly TextTemplate ServerError = new("server-error",
        "The server could not complete the request.",
        "Terjadi kesalahan pada server; coba lagi atau hubungi admin.");

    /// <summary>An import kind as the URL names it, and as the Impor CSV page calls it.</summary>
    public static Term ImportKind(string kind) => new(kind, kind switch
    {
        "formations" => "formasi",
        "applicants" => "pelamar",
        "scores" => "nilai",
        "employees" => "pegawai",
        _ => kind,
    });

    public static TextTemplate? ForStatus(int? status) => status switch
    {
        400 => BadRequest,
        401 => Unauthorized,
        403 => Forbidden,
        404 => NotFound,
        409 => Conflict,
        >= 500 => ServerError,
        _ => null,
    };

    public static readonly TextTemplate DatabaseUnavailable = new("database-unavailable",
        "The database cannot be reached right now; try again in a few seconds.",
        "Basis data sedang tidak dapat dihubungi; coba lagi dalam beberapa detik.");
}
