using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pppk.Workflow.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class Issue21UnitCounters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "unit_contract_counts",
                schema: "pppk",
                columns: table => new
                {
                    unit_code = table.Column<string>(type: "text", nullable: false),
                    active = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_unit_contract_counts", x => x.unit_code);
                });

            // Each unit's active contracts, kept by statement-level triggers on the contracts in the writing transaction:
            // every INSERT, UPDATE (a status change, a renewal, the employee's move copied into contracts.unit_code by
            // Issue21CountKeys' triggers) and DELETE adds its delta per unit, grouped, in unit order (two statements
            // lock their units' rows in the same order, so they cannot deadlock each other); a TRUNCATE empties it. The
            // counter row stays locked until the writer commits: writers of one unit's active contracts take turns there.
            // The triggers come first: creating them waits for the writes under way and holds off new ones until this
            // migration commits, so the backfill counts every contract and misses none written meanwhile.
            migrationBuilder.Sql("""
                CREATE FUNCTION pppk.unit_contract_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'INSERT' THEN
                        INSERT INTO pppk.unit_contract_counts AS u (unit_code, active)
                        SELECT unit_code, count(*) FROM new_rows WHERE status = 'active' GROUP BY unit_code ORDER BY unit_code
                        ON CONFLICT (unit_code) DO UPDATE SET active = u.active + excluded.active;
                    ELSIF TG_OP = 'DELETE' THEN
                        INSERT INTO pppk.unit_contract_counts AS u (unit_code, active)
                        SELECT unit_code, -count(*) FROM old_rows WHERE status = 'active' GROUP BY unit_code ORDER BY unit_code
                        ON CONFLICT (unit_code) DO UPDATE SET active = u.active + excluded.active;
                    ELSE
                        INSERT INTO pppk.unit_contract_counts AS u (unit_code, active)
                        SELECT unit_code, sum(delta) FROM (
                            SELECT unit_code, 1 AS delta FROM new_rows WHERE status = 'active'
                            UNION ALL
                            SELECT unit_code, -1 FROM old_rows WHERE status = 'active') d
                        GROUP BY unit_code HAVING sum(delta) <> 0 ORDER BY unit_code
                        ON CONFLICT (unit_code) DO UPDATE SET active = u.active + excluded.active;
                    END IF;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER contracts_count_insert AFTER INSERT ON pppk.contracts REFERENCING NEW TABLE AS new_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION pppk.unit_contract_counts_apply();
                CREATE TRIGGER contracts_count_update AFTER UPDATE ON pppk.contracts REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION pppk.unit_contract_counts_apply();
                CREATE TRIGGER contracts_count_delete AFTER DELETE ON pppk.contracts REFERENCING OLD TABLE AS old_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION pppk.unit_contract_counts_apply();

                CREATE FUNCTION pppk.unit_contract_counts_clear() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    DELETE FROM pppk.unit_contract_counts;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER contracts_count_truncate AFTER TRUNCATE ON pppk.contracts
                    FOR EACH STATEMENT EXECUTE FUNCTION pppk.unit_contract_counts_clear();

                INSERT INTO pppk.unit_contract_counts (unit_code, active)
                SELECT unit_code, count(*) FROM pppk.contracts WHERE status = 'active' GROUP BY unit_code;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER contracts_count_truncate ON pppk.contracts;
                DROP FUNCTION pppk.unit_contract_counts_clear();
                DROP TRIGGER contracts_count_delete ON pppk.contracts;
                DROP TRIGGER contracts_count_update ON pppk.contracts;
                DROP TRIGGER contracts_count_insert ON pppk.contracts;
                DROP FUNCTION pppk.unit_contract_counts_apply();
                """);

            migrationBuilder.DropTable(
                name: "unit_contract_counts",
                schema: "pppk");
        }
    }
}
