using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pppk.Workflow.Runtime.Database.Migrations
{
    /// <summary>
    /// Issue 21, the cases of the tasks a person completed or was acted for: the tasks that name a person as their completer
    /// (<c>completed_by</c>) or as the one acted for (<c>on_behalf_of</c>) are indexed in the case list's order with the
    /// case's copies, as the assigned tasks are (<c>Issue21TaskListKeys</c>, <c>Issue21CaseVersionCopies</c>), so the case list
    /// walks them (<c>Visibility.CaseBranchesAsync</c>) where it read every such task's case by id: an evaluator with
    /// 20,000 completed evaluations took 320-550 ms for any page of their case list at 3,000,000 cases. They replace the
    /// indexes of <c>Issue21VisibilityIndexes</c> on the same columns (an equality on the person is this index's first
    /// key). Raw SQL, not in the EF model.
    /// </summary>
    [DbContext(typeof(WorkflowDbContext))]
    [Migration("20261208030000_Issue21PersonWalks")]
    public partial class Issue21PersonWalks : Migration
    {
        private static readonly string[] People = ["completed_by", "on_behalf_of"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var column in People)
                migrationBuilder.Sql($"""
                    DROP INDEX IF EXISTS pppk.ix_user_tasks_{column};
                    CREATE INDEX IF NOT EXISTS ix_user_tasks_{column}_case_order ON pppk.user_tasks ({column}, case_started_at DESC, instance_id DESC)
                        INCLUDE (case_key, case_unit, case_status, case_version) WHERE {column} IS NOT NULL;
                    """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var column in People)
                migrationBuilder.Sql($"""
                    DROP INDEX IF EXISTS pppk.ix_user_tasks_{column}_case_order;
                    CREATE INDEX IF NOT EXISTS ix_user_tasks_{column} ON pppk.user_tasks ({column}) WHERE {column} IS NOT NULL;
                    """);
        }
    }
}
