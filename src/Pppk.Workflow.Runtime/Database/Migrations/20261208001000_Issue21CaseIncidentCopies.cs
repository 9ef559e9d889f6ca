using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pppk.Workflow.Runtime.Database.Migrations
{
    /// <summary>
    /// Issue 21, a large group's case list filtered by incident: each task also carries whether its case has an open
    /// incident (<c>case_incident</c>, the case's <c>has_incident</c>), kept as its status is (Issue21CaseStatusCopies: the
    /// steps' insert and task-ending write copy it, the cases' deferred trigger follows it), and the unassigned tasks of
    /// cases with an incident get a small index in the case list's order: a <c>ppk</c> member's list of cases with an incident read every
    /// task of the group and joined the cases (0.47-0.62 s at 3,000,000 cases). Raw SQL, not in the EF model; the backfill
    /// rewrites every task row (vacuum afterwards: docs/scale.md).
    /// </summary>
    [DbContext(typeof(WorkflowDbContext))]
    [Migration("20261208001000_Issue21CaseIncidentCopies")]
    public partial class Issue21CaseIncidentCopies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE pppk.user_tasks ADD COLUMN IF NOT EXISTS case_incident boolean;
                UPDATE pppk.user_tasks t SET case_incident = i.has_incident FROM pppk.instances i WHERE i.id = t.instance_id AND t.case_incident IS NULL;

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

                -- The unassigned tasks of cases with an incident, few, in the case list's order: a boolean does not serve as a
                -- GIN key (the planner turns "case_incident = $1" into the bare column, which no GIN operator matches).
                CREATE INDEX ix_user_tasks_unassigned_incident_case_order ON pppk.user_tasks (case_started_at DESC, instance_id DESC)
                    INCLUDE (candidate_groups, case_key, case_unit, case_status) WHERE assignee IS NULL AND case_incident;
                DROP INDEX IF EXISTS pppk.ix_user_tasks_unassigned_case_order;
                CREATE INDEX ix_user_tasks_unassigned_case_order ON pppk.user_tasks (case_started_at DESC, instance_id DESC)
                    INCLUDE (candidate_groups, case_key, case_unit, case_status, case_incident) WHERE assignee IS NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX IF EXISTS pppk.ix_user_tasks_unassigned_case_order;
                CREATE INDEX ix_user_tasks_unassigned_case_order ON pppk.user_tasks (case_started_at DESC, instance_id DESC)
                    INCLUDE (candidate_groups, case_key, case_unit, case_status) WHERE assignee IS NULL;
                DROP INDEX IF EXISTS pppk.ix_user_tasks_unassigned_incident_case_order;

                DROP TRIGGER IF EXISTS instances_case_copies_follow ON pppk.instances;
                CREATE OR REPLACE FUNCTION pppk.instance_case_copies_follow() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE pppk.user_tasks SET case_unit = NEW.unit_code, case_status = NEW.status
                    WHERE instance_id = NEW.id AND (case_unit IS DISTINCT FROM NEW.unit_code OR case_status IS DISTINCT FROM NEW.status);
                    IF OLD.unit_code IS DISTINCT FROM NEW.unit_code THEN
                        UPDATE pppk.incidents SET case_unit = NEW.unit_code WHERE instance_id = NEW.id;
                    END IF;
                    RETURN NULL;
                END $$;
                CREATE CONSTRAINT TRIGGER instances_case_copies_follow AFTER UPDATE OF unit_code, status ON pppk.instances
                    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
                    WHEN (OLD.unit_code IS DISTINCT FROM NEW.unit_code OR OLD.status IS DISTINCT FROM NEW.status)
                    EXECUTE FUNCTION pppk.instance_case_copies_follow();

                CREATE OR REPLACE FUNCTION pppk.user_task_case_keys() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    SELECT i.started_at, i.unit_code, i.definition_key, i.status INTO NEW.case_started_at, NEW.case_unit, NEW.case_key, NEW.case_status
                    FROM pppk.instances i WHERE i.id = NEW.instance_id;
                    RETURN NEW;
                END $$;
                CREATE OR REPLACE TRIGGER user_tasks_case_keys BEFORE INSERT ON pppk.user_tasks FOR EACH ROW
                    WHEN (NEW.case_started_at IS NULL OR NEW.case_key IS NULL OR NEW.case_status IS NULL) EXECUTE FUNCTION pppk.user_task_case_keys();
                ALTER TABLE pppk.user_tasks DROP COLUMN IF EXISTS case_incident;
                """);
        }
    }
}
