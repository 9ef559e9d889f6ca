using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pppk.Workflow.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class PartTimeContracts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "part_time",
                schema: "pppk",
                table: "contracts",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "pay_basis",
                schema: "pppk",
                table: "contracts",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "weekly_hours",
                schema: "pppk",
                table: "contracts",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "part_time",
                schema: "pppk",
                table: "contracts");

            migrationBuilder.DropColumn(
                name: "pay_basis",
                schema: "pppk",
                table: "contracts");

            migrationBuilder.DropColumn(
                name: "weekly_hours",
                schema: "pppk",
                table: "contracts");
        }
    }
}
