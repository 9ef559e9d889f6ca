using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pppk.Workflow.Notifications.Database.Migrations
{
    /// <inheritdoc />
    public partial class Issue21EmailClaimOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_emails_queued_due",
                schema: "pppk",
                table: "emails");

            migrationBuilder.CreateIndex(
                name: "ix_emails_queued_due",
                schema: "pppk",
                table: "emails",
                columns: new[] { "next_attempt_at", "id" },
                filter: "status = 'queued'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_emails_queued_due",
                schema: "pppk",
                table: "emails");

            migrationBuilder.CreateIndex(
                name: "ix_emails_queued_due",
                schema: "pppk",
                table: "emails",
                column: "next_attempt_at",
                filter: "status = 'queued'");
        }
    }
}
