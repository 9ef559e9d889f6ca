using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Pppk.Workflow.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class AccessLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "access_log",
                schema: "pppk",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    user_name = table.Column<string>(type: "text", nullable: false),
                    kind = table.Column<string>(type: "text", nullable: false),
                    record_id = table.Column<string>(type: "text", nullable: false),
                    person_nik = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_access_log", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_access_log_at",
                schema: "pppk",
                table: "access_log",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "ix_access_log_kind_record_id_at",
                schema: "pppk",
                table: "access_log",
                columns: new[] { "kind", "record_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_access_log_person_nik_at",
                schema: "pppk",
                table: "access_log",
                columns: new[] { "person_nik", "at" },
                filter: "person_nik IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "access_log",
                schema: "pppk");
        }
    }
}
