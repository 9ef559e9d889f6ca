using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pppk.Workflow.Runtime.Database.Migrations
{
    /// <summary>
    /// Issue 21, a group member's deep inbox page: the open unassigned tasks in each of the inbox's orders (<c>TaskInbox</c>:
    /// due, priority, created; a reverse order walks the same index backwards) with their groups and the order's own columns
    /// included, so the organisation-wide group branch walks the page's order on the index alone. Its page 200 by offset
    /// reads about 80,000 of them for 10,000 matches: on the open tasks' order indexes, a heap fetch each (244 ms median at
    /// 1,000,000 open tasks). Raw SQL, not in the EF model; each index holds the open unassigned tasks only.
    /// </summary>
    [DbContext(typeof(WorkflowDbContext))]
    [Migration("20261207190000_Issue21DeepPages")]
    public partial class Issue21DeepPages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE INDEX IF NOT EXISTS ix_user_tasks_open_unassigned_due ON pppk.user_tasks (coalesce(due_at, 'infinity'::timestamptz), created_at, id)
                    INCLUDE (due_at, candidate_groups) WHERE state = 'open' AND assignee IS NULL;
                CREATE INDEX IF NOT EXISTS ix_user_tasks_open_unassigned_priority ON pppk.user_tasks ((- priority), coalesce(due_at, 'infinity'::timestamptz), created_at, id)
                    INCLUDE (priority, due_at, candidate_groups) WHERE state = 'open' AND assignee IS NULL;
                CREATE INDEX IF NOT EXISTS ix_user_tasks_open_unassigned_created ON pppk.user_tasks (created_at, id)
                    INCLUDE (candidate_groups) WHERE state = 'open' AND assignee IS NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX IF EXISTS pppk.ix_user_tasks_open_unassigned_due;
                DROP INDEX IF EXISTS pppk.ix_user_tasks_open_unassigned_priority;
                DROP INDEX IF EXISTS pppk.ix_user_tasks_open_unassigned_created;
                """);
        }
    }
}
