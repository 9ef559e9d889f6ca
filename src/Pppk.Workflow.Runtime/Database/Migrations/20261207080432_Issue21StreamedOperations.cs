using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pppk.Workflow.Runtime.Database.Migrations
{
    /// <inheritdoc />
    public partial class Issue21StreamedOperations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "cursor",
                schema: "pppk",
                table: "operations",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "stream_key",
                schema: "pppk",
                table: "operations",
                type: "text",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_operations_stream_key",
                schema: "pppk",
                table: "operations",
                column: "stream_key",
                unique: true,
                filter: "stream_key IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_operations_stream_key",
                schema: "pppk",
                table: "operations");

            migrationBuilder.DropColumn(
                name: "cursor",
                schema: "pppk",
                table: "operations");

            migrationBuilder.DropColumn(
                name: "stream_key",
                schema: "pppk",
                table: "operations");
        }
    }
}
