using Npgsql;

namespace Pppk.Workflow.Benchmarks.Scale;

/// <summary>
/// A region's employees written straight into the domain tables by SQL (<c>generate_series</c>, one statement per
/// table): <see cref="Units"/> units, one evaluator (a user with the <c>evaluator</c> role in the unit) per
/// <see cref="PerEvaluator"/> employees, and each employee with one active two-year contract. Employee <c>g</c>
/// (1-based) is evaluated by <c>penilai.{(g-1)/50+1:D5}</c>, whose unit is <c>SK{(e-1)%20+1:D2}</c>.
/// </summary>
internal static class ScaleSeed
{
    public const int Units = 20;
    public const int PerEvaluator = 50;

    public static string UnitCode(int unit) => $"SK{unit:D2}";

    public static string Evaluator(int evaluator) => $"penilai.{evaluator:D5}";

    public static int Evaluators(int employees) => (employees + PerEvaluator - 1) / PerEvaluator;

    public static async Task UnitsAsync(NpgsqlDataSource db, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            INSERT INTO pppk.units (code, name) SELECT 'SK' || lpad(u::text, 2, '0'), 'Satuan Kerja ' || u FROM generate_series(1, @units) u
            ON CONFLICT DO NOTHING
            """);
        cmd.Parameters.AddWithValue("units", Units);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The evaluators' accounts (no password: they are never signed in here) and their role; one made through the API already is left as it is.</summary>
    public static async Task EvaluatorsAsync(NpgsqlDataSource db, int employees, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            INSERT INTO pppk.users (id, user_name, normalized_user_name, email, normalized_email, email_confirmed, security_stamp, concurrency_stamp,
                phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count, full_name, unit_code, created_at, active, must_change_password)
            SELECT gen_random_uuid()::text, n, upper(n), n || '@contoh.go.id', upper(n || '@contoh.go.id'), false, gen_random_uuid()::text, gen_random_uuid()::text,
                false, false, true, 0, 'Penilai ' || e, 'SK' || lpad(((e - 1) % @units + 1)::text, 2, '0'), now(), true, false
            FROM generate_series(1, @evaluators) e, LATERAL (SELECT 'penilai.' || lpad(e::text, 5, '0') AS n) x
            ON CONFLICT DO NOTHING;
            INSERT INTO pppk.user_roles (user_id, role_id)
            SELECT u.id, r.id FROM pppk.users u, pppk.roles r WHERE u.user_name LIKE 'penilai.%' AND r.name = 'evaluator'
            ON CONFLICT DO NOTHING;
            """);
        cmd.Parameters.AddWithValue("units", Units);
        cmd.Parameters.AddWithValue("evaluators", Evaluators(employees));
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The employees and their active contracts (TMT a year ago, two years), then ANALYZE of both tables.</summary>
    public static async Task EmployeesAsync(NpgsqlDataSource db, int employees, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            INSERT INTO pppk.employees (ni_pppk, nik, name, email, birth_date, unit_code, position, grade, service_years, evaluator_user_name)
            SELECT '1990' || lpad(g::text, 14, '0'), '6402' || lpad(g::text, 12, '0'), 'Pegawai ' || lpad(g::text, 7, '0'), 'pegawai' || g || '@contoh.go.id',
                date '1985-01-01' + (g % 7000), 'SK' || lpad((((g - 1) / @per) % @units + 1)::text, 2, '0'),
                (ARRAY['Guru Ahli Pertama', 'Perawat Terampil', 'Penata Kelola Sistem', 'Pranata Komputer'])[g % 4 + 1], 9 + g % 3, g % 10,
                'penilai.' || lpad(((g - 1) / @per + 1)::text, 5, '0')
            FROM generate_series(1, @employees) g;
            INSERT INTO pppk.contracts (employee_id, tmt, "end", years, status, part_time)
            SELECT e.id, date '2025-12-01', date '2027-11-30', 2, 'active', false FROM pppk.employees e;
            ANALYZE pppk.employees; ANALYZE pppk.contracts; ANALYZE pppk.users;
            """);
        cmd.Parameters.AddWithValue("per", PerEvaluator);
        cmd.Parameters.AddWithValue("units", Units);
        cmd.Parameters.AddWithValue("employees", employees);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
