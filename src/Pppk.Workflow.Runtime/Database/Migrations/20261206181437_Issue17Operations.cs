using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pppk.Workflow.Runtime.Database.Migrations
{
    /// <inheritdoc />
    public partial class Issue17Operations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "operation_items",
                schema: "pppk",
                columns: table => new
                {
                    operation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    item_no = table.Column<int>(type: "integer", nullable: false),
                    instance_id = table.Column<Guid>(type: "uuid", nullable: true),
                    payload = table.Column<string>(type: "jsonb", nullable: true),
                    state = table.Column<string>(type: "text", nullable: false),
                    code = table.Column<string>(type: "text", nullable: true),
                    message = table.Column<string>(type: "text", nullable: true),
                    message_indonesian = table.Column<string>(type: "text", nullable: true),
                    ended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_operation_items", x => new { x.operation_id, x.item_no });
                });

            migrationBuilder.CreateTable(
                name: "operations",
                schema: "pppk",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    type = table.Column<string>(type: "text", nullable: false),
                    state = table.Column<string>(type: "text", nullable: false),
                    definition_key = table.Column<string>(type: "text", nullable: false),
                    definition_version = table.Column<int>(type: "integer", nullable: true),
                    request = table.Column<string>(type: "jsonb", nullable: false),
                    description = table.Column<string>(type: "text", nullable: true),
                    total = table.Column<int>(type: "integer", nullable: false),
                    done = table.Column<int>(type: "integer", nullable: false),
                    failed = table.Column<int>(type: "integer", nullable: false),
                    created_by = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    progress_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    cancel_requested = table.Column<bool>(type: "boolean", nullable: false),
                    error = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_operations", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_operation_items_failed",
                schema: "pppk",
                table: "operation_items",
                columns: new[] { "operation_id", "item_no" },
                filter: "state = 'failed'");

            migrationBuilder.CreateIndex(
                name: "ix_operation_items_pending",
                schema: "pppk",
                table: "operation_items",
                columns: new[] { "operation_id", "item_no" },
                filter: "state = 'pending'");

            migrationBuilder.CreateIndex(
                name: "ix_operations_created_at",
                schema: "pppk",
                table: "operations",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_operations_state",
                schema: "pppk",
                table: "operations",
                column: "state",
                filter: "state = 'running'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "operation_items",
                schema: "pppk");

            migrationBuilder.DropTable(
                name: "operations",
                schema: "pppk");
        }
    }
}
