using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pppk.Workflow.Runtime.Database.Migrations
{
    /// <summary>
    /// Issue 21, a group member's case list filtered by workflow or unit: each task also carries its case's workflow
    /// (<c>case_key</c>, the case's <c>definition_key</c>, which never changes: migrating a case changes its version, not
    /// its key); the unassigned tasks are indexed by workflow in the case list's order, and their case-order index includes
    /// the workflow and the case's unit, so the walk of a large group's tasks answers such a filter from an index
    /// (<c>CaseBranches.Walk</c>) where it joined every case of the group (about 1 s for a <c>ppk</c> member at 3,000,000
    /// cases). A backfill leaves the tasks' visibility map cleared until (auto)vacuum has run: index-only walks read the
    /// table meanwhile (docs/scale.md). Written by the steps' insert (<c>UserTaskTable</c>) and, for a task
    /// inserted without it, by the keys' trigger of <c>Issue21TaskListKeys</c>. Raw SQL, not in the EF model; the backfill
    /// rewrites every task row.
    /// </summary>
    [DbContext(typeof(WorkflowDbContext))]
    [Migration("20261207195000_Issue21TaskCaseKey")]
    public partial class Issue21TaskCaseKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE pppk.user_tasks ADD COLUMN IF NOT EXISTS case_key text;
                UPDATE pppk.user_tasks t SET case_key = i.definition_key FROM pppk.instances i WHERE i.id = t.instance_id AND t.case_key IS NULL;

                CREATE OR REPLACE FUNCTION pppk.user_task_case_keys() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    SELECT i.started_at, i.unit_code, i.definition_key INTO NEW.case_started_at, NEW.case_unit, NEW.case_key
                    FROM pppk.instances i WHERE i.id = NEW.instance_id;
                    RETURN NEW;
                END $$;
                CREATE OR REPLACE TRIGGER user_tasks_case_keys BEFORE INSERT ON pppk.user_tasks FOR EACH ROW
                    WHEN (NEW.case_started_at IS NULL OR NEW.case_key IS NULL) EXECUTE FUNCTION pppk.user_task_case_keys();

                DROP INDEX IF EXISTS pppk.ix_user_tasks_unassigned_case_order;
                CREATE INDEX ix_user_tasks_unassigned_case_order ON pppk.user_tasks (case_started_at DESC, instance_id DESC)
                    INCLUDE (candidate_groups, case_key, case_unit) WHERE assignee IS NULL;
                CREATE INDEX IF NOT EXISTS ix_user_tasks_unassigned_case_key_order ON pppk.user_tasks (case_key, case_started_at DESC, instance_id DESC)
                    INCLUDE (candidate_groups) WHERE assignee IS NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX IF EXISTS pppk.ix_user_tasks_unassigned_case_key_order;
                DROP INDEX IF EXISTS pppk.ix_user_tasks_unassigned_case_order;
                CREATE INDEX ix_user_tasks_unassigned_case_order ON pppk.user_tasks (case_started_at DESC, instance_id DESC) INCLUDE (candidate_groups)
                    WHERE assignee IS NULL;
                CREATE OR REPLACE FUNCTION pppk.user_task_case_keys() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    SELECT i.started_at, i.unit_code INTO NEW.case_started_at, NEW.case_unit FROM pppk.instances i WHERE i.id = NEW.instance_id;
                    RETURN NEW;
                END $$;
                CREATE OR REPLACE TRIGGER user_tasks_case_keys BEFORE INSERT ON pppk.user_tasks FOR EACH ROW
                    WHEN (NEW.case_started_at IS NULL) EXECUTE FUNCTION pppk.user_task_case_keys();
                ALTER TABLE pppk.user_tasks DROP COLUMN IF EXISTS case_key;
                """);
        }
    }
}
