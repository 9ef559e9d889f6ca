using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pppk.Workflow.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class RankingFinality : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "interview",
                schema: "pppk",
                table: "ranking_results",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "managerial_socio_cultural",
                schema: "pppk",
                table: "ranking_results",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "technical",
                schema: "pppk",
                table: "ranking_results",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "appeal_window_ends_at",
                schema: "pppk",
                table: "applicants",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "final_ineligible_at",
                schema: "pppk",
                table: "applicants",
                type: "timestamp with time zone",
                nullable: true);

            // Rows from before: ranked on the scores stored now; a TMS is final when its appeal was rejected, or when its
            // formation was already ranked (it was treated as final then). Any other TMS waits for its instance's window.
            migrationBuilder.Sql("""
                UPDATE pppk.ranking_results r SET technical = s.technical, managerial_socio_cultural = s.managerial_socio_cultural, interview = s.interview
                FROM pppk.cat_scores s WHERE s.applicant_id = r.applicant_id;
                UPDATE pppk.applicants a SET final_ineligible_at = coalesce(
                    (SELECT max(p.answered_at) FROM pppk.appeals p WHERE p.applicant_id = a.id AND p.accepted = false), now())
                WHERE a.admin_verdict = 'TMS' AND (
                    EXISTS (SELECT 1 FROM pppk.appeals p WHERE p.applicant_id = a.id AND p.accepted = false)
                    OR EXISTS (SELECT 1 FROM pppk.ranking_results r JOIN pppk.formations f ON f.id = r.formation_id WHERE f.code = a.formation_code));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "interview",
                schema: "pppk",
                table: "ranking_results");

            migrationBuilder.DropColumn(
                name: "managerial_socio_cultural",
                schema: "pppk",
                table: "ranking_results");

            migrationBuilder.DropColumn(
                name: "technical",
                schema: "pppk",
                table: "ranking_results");

            migrationBuilder.DropColumn(
                name: "appeal_window_ends_at",
                schema: "pppk",
                table: "applicants");

            migrationBuilder.DropColumn(
                name: "final_ineligible_at",
                schema: "pppk",
                table: "applicants");
        }
    }
}
