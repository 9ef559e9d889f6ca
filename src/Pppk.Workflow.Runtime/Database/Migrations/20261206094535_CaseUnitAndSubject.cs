using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pppk.Workflow.Runtime.Database.Migrations
{
    /// <inheritdoc />
    public partial class CaseUnitAndSubject : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "unit_code",
                schema: "pppk",
                table: "users",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AddColumn<string>(
                name: "employee_nik",
                schema: "pppk",
                table: "users",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "subject",
                schema: "pppk",
                table: "instances",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "unit_code",
                schema: "pppk",
                table: "instances",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_users_employee_nik",
                schema: "pppk",
                table: "users",
                column: "employee_nik",
                unique: true,
                filter: "employee_nik IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_instances_subject",
                schema: "pppk",
                table: "instances",
                column: "subject",
                filter: "subject IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_instances_unit_code_started_at",
                schema: "pppk",
                table: "instances",
                columns: new[] { "unit_code", "started_at" },
                filter: "unit_code IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_users_employee_nik",
                schema: "pppk",
                table: "users");

            migrationBuilder.DropIndex(
                name: "ix_instances_subject",
                schema: "pppk",
                table: "instances");

            migrationBuilder.DropIndex(
                name: "ix_instances_unit_code_started_at",
                schema: "pppk",
                table: "instances");

            migrationBuilder.DropColumn(
                name: "employee_nik",
                schema: "pppk",
                table: "users");

            migrationBuilder.DropColumn(
                name: "subject",
                schema: "pppk",
                table: "instances");

            migrationBuilder.DropColumn(
                name: "unit_code",
                schema: "pppk",
                table: "instances");

            migrationBuilder.AlterColumn<string>(
                name: "unit_code",
                schema: "pppk",
                table: "users",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(64)",
                oldMaxLength: 64,
                oldNullable: true);
        }
    }
}
