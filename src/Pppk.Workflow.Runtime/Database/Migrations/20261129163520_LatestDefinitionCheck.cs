using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pppk.Workflow.Runtime.Database.Migrations
{
    /// <inheritdoc />
    public partial class LatestDefinitionCheck : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_user_tasks_instance_id",
                schema: "pppk",
                table: "user_tasks");

            // A start resolves "the latest version" from a cache and its step's flush checks the assumption: this raises
            // (SQLSTATE PW001) if a definition it used is no longer the latest, and the step is run again with a fresh lookup.
            migrationBuilder.Sql("""
                CREATE FUNCTION pppk.assert_latest_definitions(ids bigint[]) RETURNS void LANGUAGE plpgsql AS $$
                BEGIN
                    IF (SELECT count(*) FROM pppk.definitions WHERE id = ANY(ids) AND is_latest) <> cardinality(ids) THEN
                        RAISE EXCEPTION 'a newer version of a process was deployed' USING ERRCODE = 'PW001';
                    END IF;
                END $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION pppk.assert_latest_definitions(bigint[])");

            migrationBuilder.CreateIndex(
                name: "ix_user_tasks_instance_id",
                schema: "pppk",
                table: "user_tasks",
                column: "instance_id");
        }
    }
}
