using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pppk.Workflow.Runtime.Database.Migrations
{
    /// <inheritdoc />
    public partial class Substitutions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "on_behalf_of",
                schema: "pppk",
                table: "user_tasks",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "on_behalf_of",
                schema: "pppk",
                table: "history",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "substitutions",
                schema: "pppk",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_name = table.Column<string>(type: "text", nullable: false),
                    substitute_user_name = table.Column<string>(type: "text", nullable: false),
                    valid_from = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    valid_to = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    created_by = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_substitutions", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_substitutions_substitute_user_name_valid_to",
                schema: "pppk",
                table: "substitutions",
                columns: new[] { "substitute_user_name", "valid_to" });

            migrationBuilder.CreateIndex(
                name: "ix_substitutions_user_name_valid_to",
                schema: "pppk",
                table: "substitutions",
                columns: new[] { "user_name", "valid_to" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "substitutions",
                schema: "pppk");

            migrationBuilder.DropColumn(
                name: "on_behalf_of",
                schema: "pppk",
                table: "user_tasks");

            migrationBuilder.DropColumn(
                name: "on_behalf_of",
                schema: "pppk",
                table: "history");
        }
    }
}
