using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pppk.Workflow.Domain.Data.Migrations
{
    /// <summary>
    /// Issue 21, flat reads: the employees list's keyset order (name, id) as an index, so a page by name reads 51 entries
    /// instead of sorting every employee. Raw SQL, not in the EF model.
    /// </summary>
    [DbContext(typeof(PppkDbContext))]
    [Migration("20261207090000_Issue21DomainListIndexes")]
    public partial class Issue21DomainListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql("CREATE INDEX IF NOT EXISTS ix_employees_name_id ON pppk.employees (name, id);");

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql("DROP INDEX IF EXISTS pppk.ix_employees_name_id;");
    }
}
