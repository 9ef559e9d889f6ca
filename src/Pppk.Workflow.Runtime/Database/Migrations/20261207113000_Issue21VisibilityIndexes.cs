using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pppk.Workflow.Runtime.Database.Migrations
{
    /// <summary>
    /// Issue 21, flat reads for everyone: the task-side branches of the case rule (<c>Visibility.CaseBranchesAsync</c>), each
    /// answered by its own index — the cases in which a user is a task's assignee, its completer, the one acted for, or a
    /// candidate by name of an unassigned task (in any state; the older GIN index covers open tasks only). Raw SQL, not in
    /// the EF model; built in the migration's transaction.
    /// </summary>
    [DbContext(typeof(WorkflowDbContext))]
    [Migration("20261207113000_Issue21VisibilityIndexes")]
    public partial class Issue21VisibilityIndexes : Migration
    {
        private static readonly (string Name, string Definition)[] Indexes =
        [
            ("ix_user_tasks_assignee", "(assignee) WHERE assignee IS NOT NULL"),
            ("ix_user_tasks_completed_by", "(completed_by) WHERE completed_by IS NOT NULL"),
            ("ix_user_tasks_on_behalf_of", "(on_behalf_of) WHERE on_behalf_of IS NOT NULL"),
            ("ix_user_tasks_unassigned_candidate_users", "USING gin (candidate_users) WHERE assignee IS NULL"),
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var (name, definition) in Indexes)
                migrationBuilder.Sql($"CREATE INDEX IF NOT EXISTS {name} ON pppk.user_tasks {definition};");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (name, _) in Indexes)
                migrationBuilder.Sql($"DROP INDEX IF EXISTS pppk.{name};");
        }
    }
}
