using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Pppk.Workflow.Host.Users.Migrations
{
    /// <inheritdoc />
    public partial class Issue19UserAdmin : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "active",
                schema: "pppk",
                table: "users",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<bool>(
                name: "must_change_password",
                schema: "pppk",
                table: "users",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "user_audit",
                schema: "pppk",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor = table.Column<string>(type: "text", nullable: false),
                    user_name = table.Column<string>(type: "text", nullable: false),
                    action = table.Column<string>(type: "text", nullable: false),
                    details = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_audit", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_user_audit_at",
                schema: "pppk",
                table: "user_audit",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "ix_user_audit_user_name_at",
                schema: "pppk",
                table: "user_audit",
                columns: new[] { "user_name", "at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "user_audit",
                schema: "pppk");

            migrationBuilder.DropColumn(
                name: "active",
                schema: "pppk",
                table: "users");

            migrationBuilder.DropColumn(
                name: "must_change_password",
                schema: "pppk",
                table: "users");
        }
    }
}
