using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pppk.Workflow.Runtime.Database.Migrations
{
    /// <inheritdoc />
    public partial class Issue18CaseTitles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.AddColumn<string>(
                name: "search",
                schema: "pppk",
                table: "instances",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "title",
                schema: "pppk",
                table: "instances",
                type: "text",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_instances_search",
                schema: "pppk",
                table: "instances",
                column: "search")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            // The inbox's orders over the open tasks (UserTasks/TaskInbox.cs), the same expressions as its ORDER BY and keyset
            // conditions, so a page after a cursor is an index range scan; EF's model cannot express them.
            migrationBuilder.Sql("CREATE INDEX ix_user_tasks_open_due ON pppk.user_tasks ((coalesce(due_at, 'infinity'::timestamptz)), created_at, id) WHERE state = 'open'");
            migrationBuilder.Sql("CREATE INDEX ix_user_tasks_open_priority ON pppk.user_tasks ((- priority), (coalesce(due_at, 'infinity'::timestamptz)), created_at, id) WHERE state = 'open'");
            migrationBuilder.Sql("CREATE INDEX ix_user_tasks_open_created ON pppk.user_tasks (created_at, id) WHERE state = 'open'");
            // "Offered to me by name": the inbox's visibility branch over the unassigned open tasks.
            migrationBuilder.Sql("CREATE INDEX ix_user_tasks_open_candidate_users ON pppk.user_tasks USING gin (candidate_users) WHERE state = 'open' AND assignee IS NULL");
            // Cases started before: found by their subject until their next step writes the rest.
            migrationBuilder.Sql("UPDATE pppk.instances SET search = lower(subject) WHERE subject IS NOT NULL AND search IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX pppk.ix_user_tasks_open_due");
            migrationBuilder.Sql("DROP INDEX pppk.ix_user_tasks_open_priority");
            migrationBuilder.Sql("DROP INDEX pppk.ix_user_tasks_open_created");
            migrationBuilder.Sql("DROP INDEX pppk.ix_user_tasks_open_candidate_users");

            migrationBuilder.DropIndex(
                name: "ix_instances_search",
                schema: "pppk",
                table: "instances");

            migrationBuilder.DropColumn(
                name: "search",
                schema: "pppk",
                table: "instances");

            migrationBuilder.DropColumn(
                name: "title",
                schema: "pppk",
                table: "instances");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");
        }
    }
}
