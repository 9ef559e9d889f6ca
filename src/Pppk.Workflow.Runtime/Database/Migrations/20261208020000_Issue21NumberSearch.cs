using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pppk.Workflow.Runtime.Database.Migrations
{
    /// <summary>
    /// Issue 21, a search by a NIK at any size: the trigram index of the case's search text answered a whole NIK in
    /// 104-155 ms for every caller at 3,000,000 cases (0.9 s cold), reading the posting lists of trigrams nearly every NIK
    /// of a region shares. <c>pppk.search_numbers</c> gives each run of 16 or more digits in the search text as its windows
    /// of 16 digits (a NIK is one window, an 18-digit NIP three); a GIN index of them finds a number of 16 or more digits by
    /// its first window, and the search keeps "contains" exactly (<c>CaseSearch.Condition</c>: any text containing the number
    /// has a run that contains it, so one of the run's windows is the number's first one; a <c>strpos</c> rechecks the
    /// whole number). The windows are found by a loop of simple expressions (4.3-4.7 µs a case's text, PostgreSQL 15 on this
    /// box): a SQL function of <c>regexp_matches</c> and <c>generate_series</c> cost 9-10 µs on every insert of a case.
    /// <c>pppk.cases_with_number</c> is that lookup: every window is unique, so the index has no statistics
    /// and the planner guessed 5,000 rows, weighing the list's order against it and running the lookup in parallel (about
    /// 45 ms of workers' start for one row, once per branch of a caller's union: 0.7 s); as a function it is planned
    /// alone, without workers, and counted as the few rows it is. Raw SQL, not in the EF model (an expression index). An upgrade builds the index (about 36 s at
    /// 3,000,000 cases); the table is not rewritten.
    /// </summary>
    [DbContext(typeof(WorkflowDbContext))]
    [Migration("20261208020000_Issue21NumberSearch")]
    public partial class Issue21NumberSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION pppk.search_numbers(search text) RETURNS text[] IMMUTABLE STRICT PARALLEL SAFE LANGUAGE plpgsql AS $$
                DECLARE
                    windows text[] := '{}';
                    pos int := 1;
                    rest text;
                    run text;
                BEGIN
                    LOOP
                        rest := substr(search, pos);
                        run := substring(rest from '[0-9]{16,}');
                        EXIT WHEN run IS NULL;
                        FOR k IN 1 .. length(run) - 15 LOOP
                            windows := windows || substr(run, k, 16);
                        END LOOP;
                        pos := pos - 1 + strpos(rest, run) + length(run);
                    END LOOP;
                    RETURN windows;
                END $$;
                CREATE INDEX IF NOT EXISTS ix_instances_search_numbers ON pppk.instances USING gin (pppk.search_numbers(search));
                CREATE OR REPLACE FUNCTION pppk.cases_with_number(number text) RETURNS SETOF uuid STABLE STRICT PARALLEL SAFE ROWS 10
                    SET max_parallel_workers_per_gather = 0 LANGUAGE sql AS $$
                    SELECT n.id FROM pppk.instances n WHERE pppk.search_numbers(n.search) @> ARRAY[left(number, 16)] AND strpos(n.search, number) > 0
                $$;
                """);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql("""
                DROP FUNCTION IF EXISTS pppk.cases_with_number(text);
                DROP INDEX IF EXISTS pppk.ix_instances_search_numbers;
                DROP FUNCTION IF EXISTS pppk.search_numbers(text);
                """);
    }
}
