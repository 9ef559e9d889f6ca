using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pppk.Workflow.Domain.Data.Migrations
{
    /// <summary>
    /// Issue 21, the people lists found by a number: a NIK, NI PPPK or registration number "starts with" the search
    /// (<c>EmployeesApi</c>, <c>ApplicantsApi</c>). The trigram indexes of <c>Issue21SearchIndexes</c> answered a whole NIK in
    /// 53 ms at 200,000 employees, reading the posting lists of the trigrams a region's NIKs share; a B-tree in
    /// <c>text_pattern_ops</c> answers "starts with" as a range, whatever the database's collation (0.1 ms). The NIK and NI
    /// PPPK indexes change their operator class (they still answer equality and keep uniqueness; nothing sorts by them);
    /// the registration number keeps its index, which orders the applicants list, and gets a second one for the prefix.
    /// The trigram indexes stay: the users screen finds people by a NIK that contains the text (<c>UserNames</c>).
    /// </summary>
    public partial class Issue21NumberPrefixes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE INDEX IF NOT EXISTS ix_applicants_registration_number_prefix ON pppk.applicants (registration_number text_pattern_ops);");

            migrationBuilder.DropIndex(
                name: "ix_employees_ni_pppk",
                schema: "pppk",
                table: "employees");

            migrationBuilder.DropIndex(
                name: "ix_employees_nik",
                schema: "pppk",
                table: "employees");

            migrationBuilder.DropIndex(
                name: "ix_applicants_nik",
                schema: "pppk",
                table: "applicants");

            migrationBuilder.CreateIndex(
                name: "ix_employees_ni_pppk",
                schema: "pppk",
                table: "employees",
                column: "ni_pppk",
                unique: true,
                filter: "ni_pppk IS NOT NULL")
                .Annotation("Npgsql:IndexOperators", new[] { "text_pattern_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_employees_nik",
                schema: "pppk",
                table: "employees",
                column: "nik",
                unique: true)
                .Annotation("Npgsql:IndexOperators", new[] { "text_pattern_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_applicants_nik",
                schema: "pppk",
                table: "applicants",
                column: "nik")
                .Annotation("Npgsql:IndexOperators", new[] { "text_pattern_ops" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS pppk.ix_applicants_registration_number_prefix;");

            migrationBuilder.DropIndex(
                name: "ix_employees_ni_pppk",
                schema: "pppk",
                table: "employees");

            migrationBuilder.DropIndex(
                name: "ix_employees_nik",
                schema: "pppk",
                table: "employees");

            migrationBuilder.DropIndex(
                name: "ix_applicants_nik",
                schema: "pppk",
                table: "applicants");

            migrationBuilder.CreateIndex(
                name: "ix_employees_ni_pppk",
                schema: "pppk",
                table: "employees",
                column: "ni_pppk",
                unique: true,
                filter: "ni_pppk IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_employees_nik",
                schema: "pppk",
                table: "employees",
                column: "nik",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_applicants_nik",
                schema: "pppk",
                table: "applicants",
                column: "nik");
        }
    }
}
