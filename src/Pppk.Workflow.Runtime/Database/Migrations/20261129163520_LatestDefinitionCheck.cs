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

            // A start resolves "the latest version" from a cache and its step's flush checks the assumption with a plain
            // query that calls this only when a definition it used is no longer the latest (SQLSTATE PW001): the step
            // is then run again with a fresh lookup (DefinitionStore.StaleLatestSqlState).
            migrationBuilder.Sql("""
                CREATE FUNCTION pppk.raise_stale_definition() RETURNS void LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'a newer version of a process was deployed' USING ERRCODE = 'PW001';
                END $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION pppk.raise_stale_definition()");

            migrationBuilder.CreateIndex(
                name: "ix_user_tasks_instance_id",
                schema: "pppk",
                table: "user_tasks",
                column: "instance_id");
        }
    }
}
