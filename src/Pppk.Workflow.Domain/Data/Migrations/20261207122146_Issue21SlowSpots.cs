using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pppk.Workflow.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class Issue21SlowSpots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_employees_unit_code",
                schema: "pppk",
                table: "employees");

            migrationBuilder.DropIndex(
                name: "ix_contracts_employee_id",
                schema: "pppk",
                table: "contracts");

            migrationBuilder.DropIndex(
                name: "ix_contracts_status_end",
                schema: "pppk",
                table: "contracts");

            migrationBuilder.CreateIndex(
                name: "ix_employees_unit_code",
                schema: "pppk",
                table: "employees",
                column: "unit_code")
                .Annotation("Npgsql:IndexInclude", new[] { "id" });

            migrationBuilder.CreateIndex(
                name: "ix_contracts_employee_id_tmt_end",
                schema: "pppk",
                table: "contracts",
                columns: new[] { "employee_id", "tmt", "end" });

            migrationBuilder.CreateIndex(
                name: "ix_contracts_status_end_id",
                schema: "pppk",
                table: "contracts",
                columns: new[] { "status", "end", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_employees_unit_code",
                schema: "pppk",
                table: "employees");

            migrationBuilder.DropIndex(
                name: "ix_contracts_employee_id_tmt_end",
                schema: "pppk",
                table: "contracts");

            migrationBuilder.DropIndex(
                name: "ix_contracts_status_end_id",
                schema: "pppk",
                table: "contracts");

            migrationBuilder.CreateIndex(
                name: "ix_employees_unit_code",
                schema: "pppk",
                table: "employees",
                column: "unit_code");

            migrationBuilder.CreateIndex(
                name: "ix_contracts_employee_id",
                schema: "pppk",
                table: "contracts",
                column: "employee_id");

            migrationBuilder.CreateIndex(
                name: "ix_contracts_status_end",
                schema: "pppk",
                table: "contracts",
                columns: new[] { "status", "end" });
        }
    }
}
