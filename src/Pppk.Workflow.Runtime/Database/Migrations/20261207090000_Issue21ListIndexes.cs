using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pppk.Workflow.Runtime.Database.Migrations
{
    /// <summary>
    /// Issue 21, flat reads: the instances list's keyset order (newest first: started_at, id) as indexes, alone, within a
    /// workflow and within a unit, so page 1 and any page after a cursor read 51 index entries at 3,000,000 instances
    /// (EXPLAIN in docs/scale.md, "`lists`"). Raw SQL, not in the EF model; built in the migration's transaction (writes to the table wait while it builds: about a minute at 3,000,000 rows).
    /// </summary>
    [DbContext(typeof(WorkflowDbContext))]
    [Migration("20261207090000_Issue21ListIndexes")]
    public partial class Issue21ListIndexes : Migration
    {
        private static readonly (string Name, string Definition)[] Indexes =
        [
            ("ix_instances_started_at_id", "(started_at, id)"),
            ("ix_instances_definition_key_started_at_id", "(definition_key, started_at, id)"),
            ("ix_instances_unit_code_started_at_id", "(unit_code, started_at, id) WHERE unit_code IS NOT NULL"),
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var (name, definition) in Indexes)
                migrationBuilder.Sql($"CREATE INDEX IF NOT EXISTS {name} ON pppk.instances {definition};");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (name, _) in Indexes)
                migrationBuilder.Sql($"DROP INDEX IF EXISTS pppk.{name};");
        }
    }
}
