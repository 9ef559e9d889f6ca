using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pppk.Workflow.Runtime.Database.Migrations
{
    /// <summary>
    /// Issue 21, case lists filtered by status or incident: each task also carries its case's status (<c>case_status</c>) and
    /// incident flag (<c>case_incident</c>), kept by the trigger that moves a case's copies when the case changes (now on its
    /// status and flag as well as its unit), written by the steps' insert and task-ending write (<c>UserTaskTable</c>) and,
    /// for a task inserted without them, by the keys' trigger. The walks of the tasks in the case list's order include
    /// them, so a large group's or an assignee's case list and its capped count filtered by status stay in the index (<c>CaseBranches.Walk</c>), where they joined every case of the walk (about 1 s for a
    /// <c>ppk</c> member's count at 3,000,000 cases). The cases: a unit's index includes the status, a unit's cases of one
    /// workflow get their own index (a unit head's list of a workflow with no case in the unit read the whole unit), and the
    /// cases with an incident theirs (the filter by them scanned every case).
    /// A group's offered tasks are also indexed with their case's status in one GIN index (<c>btree_gin</c>), which
    /// replaces the index of every task's groups (each reader of the groups asks for unassigned tasks): a large group's
    /// list filtered by a status none of its cases has read every unassigned task's entry (0.6-0.8 s). The unassigned tasks
    /// of cases with an incident, few, get a partial index in the case list's order (a boolean is no GIN key: the planner
    /// turns <c>case_incident = $1</c> into the bare column, which no GIN operator matches): the same list filtered by
    /// incident took 0.47-0.68 s.
    /// The tasks' part is raw SQL, not in the EF model; the backfill rewrites every task row (vacuum afterwards:
    /// docs/scale.md).
    /// </summary>
    public partial class Issue21CaseStatusCopies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE pppk.user_tasks ADD COLUMN IF NOT EXISTS case_status text, ADD COLUMN IF NOT EXISTS case_incident boolean;
                UPDATE pppk.user_tasks t SET case_status = i.status, case_incident = i.has_incident FROM pppk.instances i
                WHERE i.id = t.instance_id AND (t.case_status IS NULL OR t.case_incident IS NULL);

                CREATE OR REPLACE FUNCTION pppk.user_task_case_keys() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    SELECT i.started_at, i.unit_code, i.definition_key, i.status, i.has_incident
                    INTO NEW.case_started_at, NEW.case_unit, NEW.case_key, NEW.case_status, NEW.case_incident
                    FROM pppk.instances i WHERE i.id = NEW.instance_id;
                    RETURN NEW;
                END $$;
                CREATE OR REPLACE TRIGGER user_tasks_case_keys BEFORE INSERT ON pppk.user_tasks FOR EACH ROW
                    WHEN (NEW.case_started_at IS NULL OR NEW.case_key IS NULL OR NEW.case_status IS NULL OR NEW.case_incident IS NULL)
                    EXECUTE FUNCTION pppk.user_task_case_keys();

                -- One trigger moves a case's copies: its unit (tasks and incidents), its status and incident flag (tasks), only
                -- where they differ.
                -- Deferred to the commit: a step that ends a case ends its tasks later in the same transaction, and that write
                -- copies the case's new status itself (UserTaskTable); fired at once, this would write each such task twice.
                DROP TRIGGER IF EXISTS instances_case_unit_moved ON pppk.instances;
                DROP FUNCTION IF EXISTS pppk.instance_case_unit_moved();
                CREATE OR REPLACE FUNCTION pppk.instance_case_copies_follow() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE pppk.user_tasks SET case_unit = NEW.unit_code, case_status = NEW.status, case_incident = NEW.has_incident
                    WHERE instance_id = NEW.id AND (case_unit IS DISTINCT FROM NEW.unit_code OR case_status IS DISTINCT FROM NEW.status
                        OR case_incident IS DISTINCT FROM NEW.has_incident);
                    IF OLD.unit_code IS DISTINCT FROM NEW.unit_code THEN
                        UPDATE pppk.incidents SET case_unit = NEW.unit_code WHERE instance_id = NEW.id;
                    END IF;
                    RETURN NULL;
                END $$;
                CREATE CONSTRAINT TRIGGER instances_case_copies_follow AFTER UPDATE OF unit_code, status, has_incident ON pppk.instances
                    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
                    WHEN (OLD.unit_code IS DISTINCT FROM NEW.unit_code OR OLD.status IS DISTINCT FROM NEW.status OR OLD.has_incident IS DISTINCT FROM NEW.has_incident)
                    EXECUTE FUNCTION pppk.instance_case_copies_follow();

                DROP INDEX IF EXISTS pppk.ix_user_tasks_unassigned_case_order;
                CREATE INDEX ix_user_tasks_unassigned_case_order ON pppk.user_tasks (case_started_at DESC, instance_id DESC)
                    INCLUDE (candidate_groups, case_key, case_unit, case_status, case_incident) WHERE assignee IS NULL;
                CREATE INDEX ix_user_tasks_unassigned_incident_case_order ON pppk.user_tasks (case_started_at DESC, instance_id DESC)
                    INCLUDE (candidate_groups, case_key, case_unit, case_status) WHERE assignee IS NULL AND case_incident;
                DROP INDEX IF EXISTS pppk.ix_user_tasks_unassigned_case_key_order;
                CREATE INDEX ix_user_tasks_unassigned_case_key_order ON pppk.user_tasks (case_key, case_started_at DESC, instance_id DESC)
                    INCLUDE (candidate_groups, case_status) WHERE assignee IS NULL;
                DROP INDEX IF EXISTS pppk.ix_user_tasks_assignee_case_order;
                CREATE INDEX ix_user_tasks_assignee_case_order ON pppk.user_tasks (assignee, case_started_at DESC, instance_id DESC)
                    INCLUDE (case_key, case_unit, case_status) WHERE assignee IS NOT NULL;
                """);

            migrationBuilder.DropIndex(
                name: "ix_user_tasks_candidate_groups",
                schema: "pppk",
                table: "user_tasks");

            migrationBuilder.DropIndex(
                name: "ix_instances_unit_code_started_at_id",
                schema: "pppk",
                table: "instances");

            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:btree_gin", ",,")
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,")
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.CreateIndex(
                name: "ix_instances_incident_started_at_id",
                schema: "pppk",
                table: "instances",
                columns: new[] { "started_at", "id" },
                filter: "has_incident")
                .Annotation("Npgsql:IndexInclude", new[] { "unit_code" });

            migrationBuilder.CreateIndex(
                name: "ix_instances_unit_code_definition_key_started_at_id",
                schema: "pppk",
                table: "instances",
                columns: new[] { "unit_code", "definition_key", "started_at", "id" },
                filter: "unit_code IS NOT NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "status" });

            migrationBuilder.CreateIndex(
                name: "ix_instances_unit_code_started_at_id",
                schema: "pppk",
                table: "instances",
                columns: new[] { "unit_code", "started_at", "id" },
                filter: "unit_code IS NOT NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "status" });

            // After the extension above: a group's offered tasks by their case's status.
            migrationBuilder.Sql("""
                CREATE INDEX ix_user_tasks_unassigned_groups_status ON pppk.user_tasks USING gin (candidate_groups, case_status) WHERE assignee IS NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS pppk.ix_user_tasks_unassigned_groups_status;");

            migrationBuilder.Sql("""
                DROP INDEX IF EXISTS pppk.ix_user_tasks_unassigned_incident_case_order;
                DROP INDEX IF EXISTS pppk.ix_user_tasks_assignee_case_order;
                CREATE INDEX ix_user_tasks_assignee_case_order ON pppk.user_tasks (assignee, case_started_at DESC, instance_id DESC) WHERE assignee IS NOT NULL;
                DROP INDEX IF EXISTS pppk.ix_user_tasks_unassigned_case_key_order;
                CREATE INDEX ix_user_tasks_unassigned_case_key_order ON pppk.user_tasks (case_key, case_started_at DESC, instance_id DESC)
                    INCLUDE (candidate_groups) WHERE assignee IS NULL;
                DROP INDEX IF EXISTS pppk.ix_user_tasks_unassigned_case_order;
                CREATE INDEX ix_user_tasks_unassigned_case_order ON pppk.user_tasks (case_started_at DESC, instance_id DESC)
                    INCLUDE (candidate_groups, case_key, case_unit) WHERE assignee IS NULL;

                DROP TRIGGER IF EXISTS instances_case_copies_follow ON pppk.instances;
                DROP FUNCTION IF EXISTS pppk.instance_case_copies_follow();
                CREATE OR REPLACE FUNCTION pppk.instance_case_unit_moved() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE pppk.user_tasks SET case_unit = NEW.unit_code WHERE instance_id = NEW.id;
                    UPDATE pppk.incidents SET case_unit = NEW.unit_code WHERE instance_id = NEW.id;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER instances_case_unit_moved AFTER UPDATE OF unit_code ON pppk.instances FOR EACH ROW
                    WHEN (OLD.unit_code IS DISTINCT FROM NEW.unit_code) EXECUTE FUNCTION pppk.instance_case_unit_moved();

                CREATE OR REPLACE FUNCTION pppk.user_task_case_keys() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    SELECT i.started_at, i.unit_code, i.definition_key INTO NEW.case_started_at, NEW.case_unit, NEW.case_key
                    FROM pppk.instances i WHERE i.id = NEW.instance_id;
                    RETURN NEW;
                END $$;
                CREATE OR REPLACE TRIGGER user_tasks_case_keys BEFORE INSERT ON pppk.user_tasks FOR EACH ROW
                    WHEN (NEW.case_started_at IS NULL OR NEW.case_key IS NULL) EXECUTE FUNCTION pppk.user_task_case_keys();
                ALTER TABLE pppk.user_tasks DROP COLUMN IF EXISTS case_status, DROP COLUMN IF EXISTS case_incident;
                """);

            migrationBuilder.DropIndex(
                name: "ix_instances_incident_started_at_id",
                schema: "pppk",
                table: "instances");

            migrationBuilder.DropIndex(
                name: "ix_instances_unit_code_definition_key_started_at_id",
                schema: "pppk",
                table: "instances");

            migrationBuilder.DropIndex(
                name: "ix_instances_unit_code_started_at_id",
                schema: "pppk",
                table: "instances");

            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,")
                .OldAnnotation("Npgsql:PostgresExtension:btree_gin", ",,")
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.CreateIndex(
                name: "ix_user_tasks_candidate_groups",
                schema: "pppk",
                table: "user_tasks",
                column: "candidate_groups")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_instances_unit_code_started_at_id",
                schema: "pppk",
                table: "instances",
                columns: new[] { "unit_code", "started_at", "id" },
                filter: "unit_code IS NOT NULL");
        }
    }
}
