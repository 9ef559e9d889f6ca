using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pppk.Workflow.Domain.Data.Migrations
{
    /// <summary>
    /// Issue 21, flat reads: the employees' and applicants' search (name contains; NIK, NI PPPK, registration number start
    /// with) scanned the whole table (the scale benchmark: 4.8 s at 1,000,000 employees). A trigram index on each column
    /// searched answers both "contains" and "starts with", and the OR of them becomes a BitmapOr of index scans. Raw SQL,
    /// not in the EF model (the naming convention would rename a second index on a column that already has one).
    /// </summary>
    public partial class Issue21SearchIndexes : Migration
    {
        private static readonly (string Name, string Table, string Column)[] Indexes =
        [
            ("ix_employees_name_trgm", "employees", "name"),
            ("ix_employees_nik_trgm", "employees", "nik"),
            ("ix_employees_ni_pppk_trgm", "employees", "ni_pppk"),
            ("ix_applicants_name_trgm", "applicants", "name"),
            ("ix_applicants_nik_trgm", "applicants", "nik"),
            ("ix_applicants_registration_number_trgm", "applicants", "registration_number"),
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");
            foreach (var (name, table, column) in Indexes)
                migrationBuilder.Sql($"CREATE INDEX IF NOT EXISTS {name} ON pppk.{table} USING gin ({column} gin_trgm_ops);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (name, _, _) in Indexes)
                migrationBuilder.Sql($"DROP INDEX IF EXISTS pppk.{name};");
            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");
        }
    }
}
