using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pppk.Workflow.Runtime.Database.Migrations
{
    /// <summary>
    /// Issue 21, flat reads: the case list's search (<c>CaseConditions</c>: <c>i.search LIKE … OR lower(i.business_key) = …</c>)
    /// scanned every instance, because the OR's second branch had no index (the scale benchmark: 9.3 s at 1,000,000
    /// instances). With an index on <c>lower(business_key)</c> both branches are index scans combined by a BitmapOr.
    /// Raw SQL, not in the EF model (an expression index).
    /// </summary>
    [DbContext(typeof(WorkflowDbContext))]
    [Migration("20261207120000_Issue21SearchIndexes")]
    public partial class Issue21SearchIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql("CREATE INDEX IF NOT EXISTS ix_instances_lower_business_key ON pppk.instances (lower(business_key));");

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql("DROP INDEX IF EXISTS pppk.ix_instances_lower_business_key;");
    }
}
