using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Pppk.Workflow.Runtime.Database.Migrations
{
    /// <inheritdoc />
    public partial class Issue20Decisions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "decision_evaluations",
                schema: "pppk",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    instance_id = table.Column<Guid>(type: "uuid", nullable: false),
                    element_instance_key = table.Column<long>(type: "bigint", nullable: false),
                    element_id = table.Column<string>(type: "text", nullable: false),
                    element_name = table.Column<string>(type: "text", nullable: true),
                    decision_key = table.Column<string>(type: "text", nullable: false),
                    decision_version = table.Column<int>(type: "integer", nullable: false),
                    decision_name = table.Column<string>(type: "text", nullable: true),
                    trace = table.Column<string>(type: "jsonb", nullable: false),
                    evaluated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_decision_evaluations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "decision_files",
                schema: "pppk",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    @namespace = table.Column<string>(name: "namespace", type: "text", nullable: false),
                    model_id = table.Column<string>(type: "text", nullable: true),
                    name = table.Column<string>(type: "text", nullable: true),
                    xml = table.Column<string>(type: "text", nullable: false),
                    file_name = table.Column<string>(type: "text", nullable: true),
                    checksum = table.Column<string>(type: "text", nullable: false),
                    imports = table.Column<long[]>(type: "bigint[]", nullable: false),
                    deployed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    deployed_by = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_decision_files", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "decisions",
                schema: "pppk",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    key = table.Column<string>(type: "text", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "text", nullable: true),
                    file_id = table.Column<long>(type: "bigint", nullable: false),
                    decision_requirements_key = table.Column<string>(type: "text", nullable: true),
                    version_tag = table.Column<string>(type: "text", nullable: true),
                    is_latest = table.Column<bool>(type: "boolean", nullable: false),
                    deployed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    deployed_by = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_decisions", x => x.id);
                    table.ForeignKey(
                        name: "fk_decisions_decision_files_file_id",
                        column: x => x.file_id,
                        principalSchema: "pppk",
                        principalTable: "decision_files",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_decision_evaluations_instance_id_id",
                schema: "pppk",
                table: "decision_evaluations",
                columns: new[] { "instance_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_decisions_file_id",
                schema: "pppk",
                table: "decisions",
                column: "file_id");

            migrationBuilder.CreateIndex(
                name: "ix_decisions_key",
                schema: "pppk",
                table: "decisions",
                column: "key",
                unique: true,
                filter: "is_latest");

            migrationBuilder.CreateIndex(
                name: "ix_decisions_key_version",
                schema: "pppk",
                table: "decisions",
                columns: new[] { "key", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_decisions_key_version_tag",
                schema: "pppk",
                table: "decisions",
                columns: new[] { "key", "version_tag" },
                filter: "version_tag IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "decision_evaluations",
                schema: "pppk");

            migrationBuilder.DropTable(
                name: "decisions",
                schema: "pppk");

            migrationBuilder.DropTable(
                name: "decision_files",
                schema: "pppk");
        }
    }
}
