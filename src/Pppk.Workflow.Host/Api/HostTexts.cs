using Pppk.Workflow.Engine.Localization;

namespace Pppk.Workflow.Host.Api;

/// <summary>The host's own problem titles, by code, in English and Indonesian.</summary>
public static class HostTexts
{
    public static readonly TextTemplate InvalidDefinition = new("invalid-definition",
        "The definition is not valid; nothing was deployed.",
        "Definisi tidak sah; tidak ada yang diterapkan.");
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
        "Too many sign-in attempts from your network address; try again in {0}.",
        "Terlalu banyak percobaan masuk dari alamat jaringan Anda; coba lagi dalam {0}.");
    public static readonly TextTemplate FailedSignInsLimited = new("sign-in-throttled",
        "Too many failed sign-ins for this user name from your network address; try again in {0}.",
        "Terlalu banyak percobaan masuk yang gagal untuk nama pengguna ini dari alamat jaringan Anda; coba lagi dalam {0}.");
    public static readonly TextTemplate CsrfProofMissing = new("csrf-proof-missing",
        "A change sent with a sign-in cookie must carry the X-Pppk-Csrf header (the web front sends it); nothing was changed.",
        "Permintaan ditolak demi keamanan (perlindungan CSRF): perubahan hanya dapat dikirim dari aplikasi web Pppk.Workflow. Tidak ada yang diubah; muat ulang halaman lalu coba lagi.");
    public static readonly TextTemplate CrossSiteRequest = new("cross-site-request",
        "A change sent from another site's page was refused; nothing was changed.",
        "Permintaan dari halaman situs lain ditolak demi keamanan; tidak ada yang diubah.");

    // A user's own password (Auth/AuthApi)
    public static readonly TextTemplate PasswordChangeIncomplete = new("password-change-incomplete",
        "currentPassword and newPassword are required.",
        "Kata sandi saat ini dan kata sandi baru wajib diisi.");
    public static readonly TextTemplate PasswordChangeNeedsSignIn = new("password-change-needs-sign-in",
        "Only a user signed in with a password can change it; an API key has none.",
        "Hanya pengguna yang masuk dengan kata sandi yang dapat mengubahnya; kunci API tidak memiliki kata sandi.");
    public static readonly TextTemplate CurrentPasswordWrong = new("current-password-wrong",
        "The current password is wrong; the password was not changed.",
        "Kata sandi saat ini salah; kata sandi tidak diubah.");

    // What a caller sent (InputGuard, InputLimits): each names the field ({0} a FieldKind term, {1} its name or JSON path)
    public static readonly TextTemplate TextNul = new("text-nul",
        "{0} '{1}' contains a NUL character (U+0000), which is not allowed in text.",
        "{0} '{1}' berisi karakter NUL (U+0000) yang tidak diizinkan dalam teks.");
    public static readonly TextTemplate TextInvalidUnicode = new("text-invalid-unicode",
        "{0} '{1}' is not valid Unicode text (a lone surrogate, or bytes that are not UTF-8); send text as UTF-8.",
        "{0} '{1}' bukan teks Unicode yang sah (surrogate tunggal, atau byte yang bukan UTF-8); kirim teks sebagai UTF-8.");
    public static readonly TextTemplate TextTooLong = new("text-too-long",
        "{0} '{1}' has {2} characters; at most {3} are allowed.",
        "{0} '{1}' berisi {2} karakter; paling banyak {3} karakter yang diizinkan.");
    public static readonly TextTemplate TooManyItems = new("too-many-items",
        "{0} '{1}' has {2} items; at most {3} are allowed per call. Send the rest in further calls.",
        "{0} '{1}' berisi {2} butir; paling banyak {3} butir per panggilan. Kirim sisanya pada panggilan berikutnya.");
    public static readonly TextTemplate ItemNull = new("item-null",
        "{0} '{1}' is null; each item must be an object.",
        "{0} '{1}' bernilai null; setiap butir harus berupa objek.");
    public static readonly TextTemplate TooManyVariables = new("variables-too-many",
        "{0} '{1}' has {2} variables; at most {3} are allowed per call.",
        "{0} '{1}' berisi {2} variabel; paling banyak {3} variabel per panggilan.");
    public static readonly TextTemplate VariablesTooLarge = new("variables-too-large",
        "{0} '{1}' is {2} bytes as JSON; at most {3} bytes are allowed per call.",
        "{0} '{1}' berukuran {2} byte sebagai JSON; paling banyak {3} byte per panggilan.");
    public static readonly TextTemplate BodyTooLarge = new("body-too-large",
        "The request body is too large: this endpoint accepts at most {0} bytes.",
        "Isi permintaan terlalu besar: alamat ini menerima paling banyak {0} byte.");
    public static readonly TextTemplate FormInvalid = new("form-invalid",
        "The form (multipart or URL-encoded) body cannot be read: {0}",
        "Isi formulir (multipart atau URL-encoded) tidak dapat dibaca: {0}");
    public static readonly TextTemplate JsonOrFormRequired = new("json-or-form-required",
        "Send the body as JSON (application/json) or as a form; '{0}' is not accepted here.",
        "Kirim isi permintaan sebagai JSON (application/json) atau formulir; '{0}' tidak diterima di sini.");
    public static readonly TextTemplate ValueNotStorable = new("value-not-storable",
        "A value in the request cannot be stored: {0}",
        "Sebuah nilai dalam permintaan tidak dapat disimpan: {0}");

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
    public static readonly TextTemplate MethodNotAllowed = new("method-not-allowed",
        "This address does not accept this HTTP method.",
        "Alamat ini tidak menerima metode HTTP tersebut.");
    public static readonly TextTemplate PayloadTooLarge = new("payload-too-large",
        "The request body is too large.",
        "Isi permintaan terlalu besar.");
    public static readonly TextTemplate UnsupportedMediaType = new("unsupported-media-type",
        "The request body's content type is not accepted here (JSON endpoints take application/json).",
        "Jenis isi permintaan tidak diterima di sini (alamat JSON menerima application/json).");
    public static readonly TextTemplate ServerError = new("server-error",
        "The server could not complete the request.",
        "Terjadi kesalahan pada server; coba lagi atau hubungi admin.");

    /// <summary>What kind of input a field is, as problems about it name it.</summary>
    public static class Fields
    {
        public static readonly Term Query = new("Query parameter", "Parameter kueri");
        public static readonly Term Route = new("Route value", "Nilai rute");
        public static readonly Term Json = new("Field", "Isian");
        public static readonly Term Form = new("Form field", "Isian formulir");
        public static readonly Term FileName = new("File name", "Nama berkas");
        public static readonly Term Header = new("Header", "Header HTTP");
    }

    public static TextTemplate? ForStatus(int? status) => status switch
    {
        400 => BadRequest,
        401 => Unauthorized,
        403 => Forbidden,
        404 => NotFound,
        405 => MethodNotAllowed,
        409 => Conflict,
        413 => PayloadTooLarge,
        415 => UnsupportedMediaType,
        >= 500 => ServerError,
        _ => null,
    };

    public static readonly TextTemplate DatabaseUnavailable = new("database-unavailable",
        "The database cannot be reached right now; try again in a few seconds.",
        "Basis data sedang tidak dapat dihubungi; coba lagi dalam beberapa detik.");
    public static readonly TextTemplate QueryTimeout = new("query-timeout",
        "The request took too long in the database and was stopped; try again shortly or narrow it (a filter, a search, a smaller page).",
        "Permintaan terlalu lama diproses oleh basis data dan dihentikan; coba lagi sebentar lagi atau persempit (saring, cari, atau halaman lebih kecil).");
}
