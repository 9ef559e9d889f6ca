using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pppk.Workflow.Runtime.Database.Migrations
{
    /// <summary>
    /// Issue 21, flat lists for a group member and a unit head: each task carries the keys its case's lists read — the case's
    /// start (<c>case_started_at</c>, the case list's order with the case id) and the case's unit (<c>case_unit</c>) — so
    /// the tasks offered to a group are read in the case list's order on their own index, and a unit's open unassigned
    /// tasks are read without joining the cases (<c>Visibility.CaseBranchesAsync</c>, <c>TaskInbox</c>); and the open unassigned
    /// tasks' groups as their own GIN index (a group member's capped inbox count combined the groups' index with a bitmap of
    /// every unassigned task: 308 ms, now 64 ms at 1,000,000 open tasks). The database keeps
    /// them, whatever writes the rows: a task inserted without them takes its case's (the steps' insert writes them itself, <c>UserTaskTable</c>), and a case that moves to another unit moves
    /// its tasks (a case's start never changes). Raw SQL, not in the EF model; the backfill rewrites every task row (about
    /// 2.5 minutes for 1,000,000 tasks on a loaded 2-core box; writes to the tasks wait meanwhile).
    /// </summary>
    [DbContext(typeof(WorkflowDbContext))]
    [Migration("20261207150000_Issue21TaskListKeys")]
    public partial class Issue21TaskListKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE pppk.user_tasks ADD COLUMN IF NOT EXISTS case_started_at timestamp with time zone, ADD COLUMN IF NOT EXISTS case_unit character varying(64);
                UPDATE pppk.user_tasks t SET case_started_at = i.started_at, case_unit = i.unit_code FROM pppk.instances i WHERE i.id = t.instance_id;

                CREATE OR REPLACE FUNCTION pppk.user_task_case_keys() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    SELECT i.started_at, i.unit_code INTO NEW.case_started_at, NEW.case_unit FROM pppk.instances i WHERE i.id = NEW.instance_id;
                    RETURN NEW;
                END $$;
                CREATE OR REPLACE TRIGGER user_tasks_case_keys BEFORE INSERT ON pppk.user_tasks FOR EACH ROW
                    WHEN (NEW.case_started_at IS NULL) EXECUTE FUNCTION pppk.user_task_case_keys();

                CREATE OR REPLACE FUNCTION pppk.instance_case_unit_moved() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE pppk.user_tasks SET case_unit = NEW.unit_code WHERE instance_id = NEW.id;
                    RETURN NULL;
                END $$;
                CREATE OR REPLACE TRIGGER instances_case_unit_moved AFTER UPDATE OF unit_code ON pppk.instances FOR EACH ROW
                    WHEN (OLD.unit_code IS DISTINCT FROM NEW.unit_code) EXECUTE FUNCTION pppk.instance_case_unit_moved();

                CREATE INDEX IF NOT EXISTS ix_user_tasks_unassigned_case_order ON pppk.user_tasks (case_started_at DESC, instance_id DESC) INCLUDE (candidate_groups)
                    WHERE assignee IS NULL;
                CREATE INDEX IF NOT EXISTS ix_user_tasks_assignee_case_order ON pppk.user_tasks (assignee, case_started_at DESC, instance_id DESC) WHERE assignee IS NOT NULL;
                CREATE INDEX IF NOT EXISTS ix_user_tasks_open_unassigned_groups ON pppk.user_tasks USING gin (candidate_groups) WHERE state = 'open' AND assignee IS NULL;
                CREATE INDEX IF NOT EXISTS ix_user_tasks_open_unassigned_unit_due ON pppk.user_tasks (case_unit, coalesce(due_at, 'infinity'::timestamptz), created_at, id)
                    INCLUDE (candidate_groups) WHERE state = 'open' AND assignee IS NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX IF EXISTS pppk.ix_user_tasks_open_unassigned_groups;
                DROP TRIGGER IF EXISTS instances_case_unit_moved ON pppk.instances;
                DROP TRIGGER IF EXISTS user_tasks_case_keys ON pppk.user_tasks;
                DROP FUNCTION IF EXISTS pppk.instance_case_unit_moved();
                DROP FUNCTION IF EXISTS pppk.user_task_case_keys();
                ALTER TABLE pppk.user_tasks DROP COLUMN IF EXISTS case_started_at, DROP COLUMN IF EXISTS case_unit;
                """);
        }
    }
}
