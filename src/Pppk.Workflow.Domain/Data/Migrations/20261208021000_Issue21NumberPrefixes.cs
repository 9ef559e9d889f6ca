using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pppk.Workflow.Domain.Data.Migrations
{
    /// <summary>
    /// Issue 21, the people lists found by a number: a NIK, NI PPPK or registration number "starts with" the search
    /// (<c>EmployeesApi</c>, <c>ApplicantsApi</c>). The trigram indexes of <c>Issue21SearchIndexes</c> answered a whole NIK in
    /// 53 ms at 200,000 employees, reading the posting lists of the trigrams a region's NIKs share; a B-tree in
    /// <c>text_pattern_ops</c> answers "starts with" as a range, whatever the database's collation (0.1 ms). The trigram
    /// indexes stay: the users screen finds people by a NIK that contains the text (<c>UserNames</c>). Raw SQL, not in the
    /// EF model (a second index on a column that has one).
    /// </summary>
    [DbContext(typeof(PppkDbContext))]
    [Migration("20261208021000_Issue21NumberPrefixes")]
    public partial class Issue21NumberPrefixes : Migration
    {
        private static readonly (string Name, string Table, string Column)[] Indexes =
        [
            ("ix_employees_nik_prefix", "employees", "nik"),
            ("ix_employees_ni_pppk_prefix", "employees", "ni_pppk"),
            ("ix_applicants_nik_prefix", "applicants", "nik"),
            ("ix_applicants_registration_number_prefix", "applicants", "registration_number"),
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var (name, table, column) in Indexes)
                migrationBuilder.Sql($"CREATE INDEX IF NOT EXISTS {name} ON pppk.{table} ({column} text_pattern_ops);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (name, _, _) in Indexes)
                migrationBuilder.Sql($"DROP INDEX IF EXISTS pppk.{name};");
        }
    }
}
