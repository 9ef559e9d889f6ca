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

    // Sign-in and cross-site request forgery (Auth/, Security/)
    public static readonly TextTemplate SignInIncomplete = new("sign-in-incomplete",
        "userName and password are required.",
        "Nama pengguna dan kata sandi wajib diisi.");
    public static readonly TextTemplate SignInFailed = new("sign-in-failed",
        "Wrong user name or password.",
        "Nama pengguna atau kata sandi salah.");
    public static readonly TextTemplate SignInsFromAddressLimited = new("sign-in-rate-limited",
        "Too many sign-in attempts from your network address; try again in {0} seconds.",
        "Terlalu banyak percobaan masuk dari alamat jaringan Anda; coba lagi dalam {0} detik.");
    public static readonly TextTemplate FailedSignInsLimited = new("sign-in-throttled",
        "Too many failed sign-ins for this user name from your network address; try again in {0} seconds.",
        "Terlalu banyak percobaan masuk yang gagal untuk nama pengguna ini dari alamat jaringan Anda; coba lagi dalam {0} detik.");
    public static readonly TextTemplate CsrfProofMissing = new("csrf-proof-missing",
        "A change sent with a sign-in cookie must carry the X-Pppk-Csrf header (the web front sends it); nothing was changed.",
        "Permintaan ditolak demi keamanan (perlindungan CSRF): perubahan hanya dapat dikirim dari aplikasi web Pppk.Workflow. Tidak ada yang diubah; muat ulang halaman lalu coba lagi.");
    public static readonly TextTemplate CrossSiteRequest = new("cross-site-request",
        "A change sent from another site's page was refused; nothing was changed.",
        "Permintaan dari halaman situs lain ditolak demi keamanan; tidak ada yang diubah.");

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
}
