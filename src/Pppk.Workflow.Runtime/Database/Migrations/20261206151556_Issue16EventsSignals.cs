using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Pppk.Workflow.Runtime.Database.Migrations
{
    /// <inheritdoc />
    public partial class Issue16EventsSignals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "signal_subscriptions",
                schema: "pppk",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    instance_id = table.Column<Guid>(type: "uuid", nullable: false),
                    wait_id = table.Column<long>(type: "bigint", nullable: false),
                    element_id = table.Column<string>(type: "text", nullable: false),
                    signal_name = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_signal_subscriptions", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_signal_subscriptions_instance_id_wait_id",
                schema: "pppk",
                table: "signal_subscriptions",
                columns: new[] { "instance_id", "wait_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_signal_subscriptions_signal_name",
                schema: "pppk",
                table: "signal_subscriptions",
                column: "signal_name");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "signal_subscriptions",
                schema: "pppk");
        }
    }
}
