using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pppk.Workflow.Runtime.Database.Migrations
{
    /// <inheritdoc />
    public partial class Issue16BindTaskPriority : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "form_version",
                schema: "pppk",
                table: "user_tasks",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "priority",
                schema: "pppk",
                table: "user_tasks",
                type: "integer",
                nullable: false,
                defaultValue: 50);

            migrationBuilder.AddColumn<string>(
                name: "version_tag",
                schema: "pppk",
                table: "forms",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "deployment",
                schema: "pppk",
                table: "definitions",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "version_tag",
                schema: "pppk",
                table: "definitions",
                type: "text",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_definitions_key_version_tag",
                schema: "pppk",
                table: "definitions",
                columns: new[] { "key", "version_tag" },
                filter: "version_tag IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_definitions_key_version_tag",
                schema: "pppk",
                table: "definitions");

            migrationBuilder.DropColumn(
                name: "form_version",
                schema: "pppk",
                table: "user_tasks");

            migrationBuilder.DropColumn(
                name: "priority",
                schema: "pppk",
                table: "user_tasks");

            migrationBuilder.DropColumn(
                name: "version_tag",
                schema: "pppk",
                table: "forms");

            migrationBuilder.DropColumn(
                name: "deployment",
                schema: "pppk",
                table: "definitions");

            migrationBuilder.DropColumn(
                name: "version_tag",
                schema: "pppk",
                table: "definitions");
        }
    }
}
