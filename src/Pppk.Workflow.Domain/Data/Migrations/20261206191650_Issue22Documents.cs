using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pppk.Workflow.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class Issue22Documents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "documents",
                schema: "pppk",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    instance_id = table.Column<Guid>(type: "uuid", nullable: true),
                    subject_nik = table.Column<string>(type: "text", nullable: true),
                    subject_name = table.Column<string>(type: "text", nullable: false),
                    number = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    title = table.Column<string>(type: "text", nullable: false),
                    document_date = table.Column<DateOnly>(type: "date", nullable: false),
                    pdf = table.Column<byte[]>(type: "bytea", nullable: false),
                    sha256 = table.Column<byte[]>(type: "bytea", nullable: false),
                    verification_code = table.Column<string>(type: "character varying(22)", maxLength: 22, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    signed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    signer_name = table.Column<string>(type: "text", nullable: false),
                    signer_title = table.Column<string>(type: "text", nullable: false),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    revoked_by = table.Column<string>(type: "text", nullable: true),
                    revoke_reason = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_documents", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_documents_instance_id",
                schema: "pppk",
                table: "documents",
                column: "instance_id",
                filter: "instance_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_documents_sha256",
                schema: "pppk",
                table: "documents",
                column: "sha256");

            migrationBuilder.CreateIndex(
                name: "ix_documents_subject_nik",
                schema: "pppk",
                table: "documents",
                column: "subject_nik",
                filter: "subject_nik IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_documents_verification_code",
                schema: "pppk",
                table: "documents",
                column: "verification_code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "documents",
                schema: "pppk");
        }
    }
}
