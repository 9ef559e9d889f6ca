using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pppk.Workflow.Runtime.Database.Migrations
{
    /// <inheritdoc />
    public partial class Issue19DashboardDurations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_user_tasks_completed_ended_at",
                schema: "pppk",
                table: "user_tasks",
                column: "ended_at",
                filter: "state = 'completed'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_user_tasks_completed_ended_at",
                schema: "pppk",
                table: "user_tasks");
        }
    }
}
