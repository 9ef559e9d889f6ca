using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pppk.Workflow.Runtime.Database.Migrations
{
    /// <summary>
    /// Issue 21: one index of a unit's cases by start instead of two. <c>ix_instances_unit_code_started_at</c> was the
    /// prefix of <c>ix_instances_unit_code_started_at_id</c> (made by <c>Issue21ListIndexes</c>, same filter), which answers
    /// every read the shorter one did; each case insert and each rewrite of a case row that is not HOT wrote both. The
    /// model now declares the longer one; it exists already, so it is only created where it does not.
    /// </summary>
    public partial class Issue21OneUnitIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql("""
                CREATE INDEX IF NOT EXISTS ix_instances_unit_code_started_at_id ON pppk.instances (unit_code, started_at, id) WHERE unit_code IS NOT NULL;
                DROP INDEX IF EXISTS pppk.ix_instances_unit_code_started_at;
                """);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql("CREATE INDEX IF NOT EXISTS ix_instances_unit_code_started_at ON pppk.instances (unit_code, started_at) WHERE unit_code IS NOT NULL;");
    }
}
