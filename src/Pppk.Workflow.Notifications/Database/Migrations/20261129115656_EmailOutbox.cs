using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Pppk.Workflow.Notifications.Database.Migrations
{
    /// <inheritdoc />
    public partial class EmailOutbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "pppk");

            migrationBuilder.CreateTable(
                name: "emails",
                schema: "pppk",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    message_id = table.Column<string>(type: "text", nullable: false),
                    dedup_key = table.Column<string>(type: "text", nullable: true),
                    instance_id = table.Column<Guid>(type: "uuid", nullable: true),
                    element_id = table.Column<string>(type: "text", nullable: true),
                    template = table.Column<string>(type: "text", nullable: false),
                    to = table.Column<string[]>(type: "text[]", nullable: false),
                    cc = table.Column<string[]>(type: "text[]", nullable: false),
                    subject = table.Column<string>(type: "text", nullable: false),
                    html = table.Column<string>(type: "text", nullable: false),
                    text = table.Column<string>(type: "text", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    last_error = table.Column<string>(type: "text", nullable: true),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    lease_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    lease_owner = table.Column<int>(type: "integer", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_emails", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_emails_created_at",
                schema: "pppk",
                table: "emails",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_emails_dedup_key",
                schema: "pppk",
                table: "emails",
                column: "dedup_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_emails_instance_id",
                schema: "pppk",
                table: "emails",
                column: "instance_id");

            migrationBuilder.CreateIndex(
                name: "ix_emails_message_id",
                schema: "pppk",
                table: "emails",
                column: "message_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_emails_queued_due",
                schema: "pppk",
                table: "emails",
                column: "next_attempt_at",
                filter: "status = 'queued'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "emails",
                schema: "pppk");
        }
    }
}
