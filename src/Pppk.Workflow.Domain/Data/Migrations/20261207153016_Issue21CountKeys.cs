using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pppk.Workflow.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class Issue21CountKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "unit_code",
                schema: "pppk",
                table: "contracts",
                type: "text",
                nullable: false,
                defaultValue: "");

            // The employee's unit on each contract, kept by the database in the writing transaction: set from the
            // employee on every insert and on every update naming employee_id or unit_code (so no write can set another
            // value), rewritten on the employee's contracts when the employee's unit changes. A missing employee leaves
            // '' for the foreign key to refuse, as before.
            migrationBuilder.Sql("""
                UPDATE pppk.contracts c SET unit_code = e.unit_code FROM pppk.employees e WHERE e.id = c.employee_id;

                CREATE FUNCTION pppk.contract_unit_code() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    NEW.unit_code := coalesce((SELECT e.unit_code FROM pppk.employees e WHERE e.id = NEW.employee_id), '');
                    RETURN NEW;
                END $$;
                CREATE TRIGGER contracts_unit_code BEFORE INSERT OR UPDATE OF employee_id, unit_code ON pppk.contracts
                    FOR EACH ROW EXECUTE FUNCTION pppk.contract_unit_code();

                CREATE FUNCTION pppk.employee_unit_code_to_contracts() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE pppk.contracts SET unit_code = NEW.unit_code WHERE employee_id = NEW.id;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER employees_unit_code_to_contracts AFTER UPDATE OF unit_code ON pppk.employees
                    FOR EACH ROW WHEN (OLD.unit_code IS DISTINCT FROM NEW.unit_code) EXECUTE FUNCTION pppk.employee_unit_code_to_contracts();
                """);

            migrationBuilder.CreateIndex(
                name: "ix_contracts_unit_code_status_end_id",
                schema: "pppk",
                table: "contracts",
                columns: new[] { "unit_code", "status", "end", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER employees_unit_code_to_contracts ON pppk.employees;
                DROP FUNCTION pppk.employee_unit_code_to_contracts();
                DROP TRIGGER contracts_unit_code ON pppk.contracts;
                DROP FUNCTION pppk.contract_unit_code();
                """);

            migrationBuilder.DropIndex(
                name: "ix_contracts_unit_code_status_end_id",
                schema: "pppk",
                table: "contracts");

            migrationBuilder.DropColumn(
                name: "unit_code",
                schema: "pppk",
                table: "contracts");
        }
    }
}
