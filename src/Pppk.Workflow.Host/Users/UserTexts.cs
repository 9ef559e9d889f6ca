using Pppk.Workflow.Engine.Localization;

namespace Pppk.Workflow.Host.Users;

/// <summary>Problems with a user's place in the organisation (unit, linked NIK, unit-scoped roles), by code, in English and Indonesian.</summary>
internal static class UserTexts
{
    public static readonly TextTemplate UnitUnknown = new("user-unit-unknown",
        "unitCode '{0}' is not a unit (OPD) of the organisation; use the code of an existing unit, such as DISDIKBUD.",
        "unitCode '{0}' bukan unit (OPD) yang terdaftar; gunakan kode unit yang ada, mis. DISDIKBUD.");
    public static readonly TextTemplate NikInvalid = new("user-nik-invalid",
        "employeeNik '{0}' is not a NIK: a NIK is exactly 16 digits.",
        "employeeNik '{0}' bukan NIK: NIK terdiri atas tepat 16 angka.");
    public static readonly TextTemplate NikUnknown = new("user-nik-unknown",
        "No employee or applicant has the NIK {0}; a user can only be linked to a person in the employee or applicant records.",
        "Tidak ada pegawai atau pelamar dengan NIK {0}; pengguna hanya dapat ditautkan ke orang yang ada di data pegawai atau pelamar.");
    public static readonly TextTemplate NikLinked = new("user-nik-linked",
        "The NIK {0} is already linked to user '{1}' (one account per person); remove the link from that user first.",
        "NIK {0} sudah ditautkan ke pengguna '{1}' (satu akun per orang); lepaskan tautan dari pengguna itu terlebih dahulu.");
    public static readonly TextTemplate UnitRequired = new("user-unit-required",
        "The role(s) {0} act within one unit (OPD): the user needs a unitCode.",
        "Peran {0} bekerja dalam satu unit (OPD): pengguna harus memiliki unitCode.");
    public static readonly TextTemplate RoleUnknown = new("user-role-unknown",
        "Unknown role '{0}'; known roles: {1}.",
        "Peran '{0}' tidak dikenal; peran yang ada: {1}.");
    public static readonly TextTemplate NameRequired = new("user-name-required",
        "userName is required.",
        "Nama pengguna wajib diisi.");
    // {0} the user name sent
    public static readonly TextTemplate NameTaken = new("user-name-taken",
        "The user name '{0}' is already taken; choose another.",
        "Nama pengguna '{0}' sudah dipakai; pilih nama lain.");
    public static readonly TextTemplate NameInvalid = new("user-name-invalid",
        "The user name '{0}' may contain only letters, digits and - . _ @ + (no spaces).",
        "Nama pengguna '{0}' hanya boleh berisi huruf, angka dan - . _ @ + (tanpa spasi).");
    public static readonly TextTemplate EmailInvalid = new("user-email-invalid",
        "'{0}' is not an email address (e.g. name@kukarkab.go.id).",
        "'{0}' bukan alamat email yang benar (contoh: nama@kukarkab.go.id).");
    // {0} the identity framework's own description
    public static readonly TextTemplate PasswordWeak = new("user-password-weak",
        "The password is too weak: at least 10 characters with an upper-case letter, a lower-case letter and a digit ({0}).",
        "Kata sandi terlalu lemah: paling sedikit 10 karakter dengan huruf besar, huruf kecil dan angka ({0}).");
    public static readonly TextTemplate NotFound = new("user-not-found",
        "There is no user with id {0}.",
        "Tidak ada pengguna dengan id {0}.");
    public static readonly TextTemplate SelfDeactivate = new("user-self-deactivate",
        "You cannot deactivate your own account; ask another hr-admin.",
        "Anda tidak dapat menonaktifkan akun Anda sendiri; minta admin BKPSDM lain melakukannya.");
    public static readonly TextTemplate PasswordChangeRequired = new("password-change-required",
        "You signed in with a temporary password: choose your own password first (POST /api/auth/password).",
        "Anda masuk dengan kata sandi sementara: ganti dahulu kata sandi Anda sendiri.");
}
