using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pppk.Workflow.Notifications.Database.Migrations
{
    /// <inheritdoc />
    public partial class Issue22EmailAttachments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[][]>(
                name: "attachment_contents",
                schema: "pppk",
                table: "emails",
                type: "bytea[]",
                nullable: false,
                defaultValueSql: "'{}'");

            migrationBuilder.AddColumn<string[]>(
                name: "attachment_names",
                schema: "pppk",
                table: "emails",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'");

            migrationBuilder.AddColumn<string[]>(
                name: "attachment_types",
                schema: "pppk",
                table: "emails",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "attachment_contents",
                schema: "pppk",
                table: "emails");

            migrationBuilder.DropColumn(
                name: "attachment_names",
                schema: "pppk",
                table: "emails");

            migrationBuilder.DropColumn(
                name: "attachment_types",
                schema: "pppk",
                table: "emails");
        }
    }
}
