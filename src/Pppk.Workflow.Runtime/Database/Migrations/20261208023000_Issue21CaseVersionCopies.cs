using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pppk.Workflow.Runtime.Database.Migrations
{
    /// <summary>
    /// Issue 21, a large group's case list filtered by version: each task also carries its case's version
    /// (<c>case_version</c>), kept as its status is (the keys' trigger for a task inserted without it, the cases' deferred
    /// trigger when a case is migrated to another version), and the walks' indexes include it, so a walk reads the filter
    /// from the index (<c>CaseBranches.Walk</c>) where it joined every case of the walk: a <c>ppk</c> member's list of a
    /// version none of their cases has took 3.1-3.7 s at 3,000,000 cases. The steps' insert copies it
    /// (<c>UserTaskTable</c>). Raw SQL, not in the EF model; the backfill rewrites every task row (vacuum afterwards:
    /// docs/scale.md).
    /// </summary>
    [DbContext(typeof(WorkflowDbContext))]
    [Migration("20261208023000_Issue21CaseVersionCopies")]
    public partial class Issue21CaseVersionCopies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql("""
                ALTER TABLE pppk.user_tasks ADD COLUMN IF NOT EXISTS case_version integer;
                UPDATE pppk.user_tasks t SET case_version = i.version FROM pppk.instances i WHERE i.id = t.instance_id AND t.case_version IS NULL;

                CREATE OR REPLACE FUNCTION pppk.user_task_case_keys() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    SELECT i.started_at, i.unit_code, i.definition_key, i.status, i.has_incident, i.version
                    INTO NEW.case_started_at, NEW.case_unit, NEW.case_key, NEW.case_status, NEW.case_incident, NEW.case_version
                    FROM pppk.instances i WHERE i.id = NEW.instance_id;
                    RETURN NEW;
                END $$;
                CREATE OR REPLACE TRIGGER user_tasks_case_keys BEFORE INSERT ON pppk.user_tasks FOR EACH ROW
                    WHEN (NEW.case_started_at IS NULL OR NEW.case_key IS NULL OR NEW.case_status IS NULL OR NEW.case_incident IS NULL
                        OR NEW.case_version IS NULL)
                    EXECUTE FUNCTION pppk.user_task_case_keys();

                CREATE OR REPLACE FUNCTION pppk.instance_case_copies_follow() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE pppk.user_tasks SET case_unit = NEW.unit_code, case_status = NEW.status, case_incident = NEW.has_incident,
                        case_version = NEW.version
                    WHERE instance_id = NEW.id AND (case_unit IS DISTINCT FROM NEW.unit_code OR case_status IS DISTINCT FROM NEW.status
                        OR case_incident IS DISTINCT FROM NEW.has_incident OR case_version IS DISTINCT FROM NEW.version);
                    IF OLD.unit_code IS DISTINCT FROM NEW.unit_code THEN
                        UPDATE pppk.incidents SET case_unit = NEW.unit_code WHERE instance_id = NEW.id;
                    END IF;
                    RETURN NULL;
                END $$;
                DROP TRIGGER IF EXISTS instances_case_copies_follow ON pppk.instances;
                CREATE CONSTRAINT TRIGGER instances_case_copies_follow AFTER UPDATE OF unit_code, status, has_incident, version ON pppk.instances
                    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
                    WHEN (OLD.unit_code IS DISTINCT FROM NEW.unit_code OR OLD.status IS DISTINCT FROM NEW.status
                        OR OLD.has_incident IS DISTINCT FROM NEW.has_incident OR OLD.version IS DISTINCT FROM NEW.version)
                    EXECUTE FUNCTION pppk.instance_case_copies_follow();

                DROP INDEX IF EXISTS pppk.ix_user_tasks_unassigned_case_order;
                CREATE INDEX ix_user_tasks_unassigned_case_order ON pppk.user_tasks (case_started_at DESC, instance_id DESC)
                    INCLUDE (candidate_groups, case_key, case_unit, case_status, case_incident, case_version) WHERE assignee IS NULL;
                DROP INDEX IF EXISTS pppk.ix_user_tasks_unassigned_case_key_order;
                CREATE INDEX ix_user_tasks_unassigned_case_key_order ON pppk.user_tasks (case_key, case_started_at DESC, instance_id DESC)
                    INCLUDE (candidate_groups, case_status, case_version) WHERE assignee IS NULL;
                DROP INDEX IF EXISTS pppk.ix_user_tasks_assignee_case_order;
                CREATE INDEX ix_user_tasks_assignee_case_order ON pppk.user_tasks (assignee, case_started_at DESC, instance_id DESC)
                    INCLUDE (case_key, case_unit, case_status, case_version) WHERE assignee IS NOT NULL;
                """);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql("""
                DROP INDEX IF EXISTS pppk.ix_user_tasks_assignee_case_order;
                CREATE INDEX ix_user_tasks_assignee_case_order ON pppk.user_tasks (assignee, case_started_at DESC, instance_id DESC)
                    INCLUDE (case_key, case_unit, case_status) WHERE assignee IS NOT NULL;
                DROP INDEX IF EXISTS pppk.ix_user_tasks_unassigned_case_key_order;
                CREATE INDEX ix_user_tasks_unassigned_case_key_order ON pppk.user_tasks (case_key, case_started_at DESC, instance_id DESC)
                    INCLUDE (candidate_groups, case_status) WHERE assignee IS NULL;
                DROP INDEX IF EXISTS pppk.ix_user_tasks_unassigned_case_order;
                CREATE INDEX ix_user_tasks_unassigned_case_order ON pppk.user_tasks (case_started_at DESC, instance_id DESC)
                    INCLUDE (candidate_groups, case_key, case_unit, case_status, case_incident) WHERE assignee IS NULL;

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
                DROP TRIGGER IF EXISTS instances_case_copies_follow ON pppk.instances;
                CREATE CONSTRAINT TRIGGER instances_case_copies_follow AFTER UPDATE OF unit_code, status, has_incident ON pppk.instances
                    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
                    WHEN (OLD.unit_code IS DISTINCT FROM NEW.unit_code OR OLD.status IS DISTINCT FROM NEW.status OR OLD.has_incident IS DISTINCT FROM NEW.has_incident)
                    EXECUTE FUNCTION pppk.instance_case_copies_follow();

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
                ALTER TABLE pppk.user_tasks DROP COLUMN IF EXISTS case_version;
                """);
    }
}
