using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Pppk.Workflow.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class InitialDomain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "pppk");

            migrationBuilder.CreateTable(
                name: "appeals",
                schema: "pppk",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    applicant_id = table.Column<int>(type: "integer", nullable: false),
                    reason = table.Column<string>(type: "text", nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    accepted = table.Column<bool>(type: "boolean", nullable: true),
                    answer = table.Column<string>(type: "text", nullable: true),
                    answered_by = table.Column<string>(type: "text", nullable: true),
                    answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_appeals", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "applicants",
                schema: "pppk",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    registration_number = table.Column<string>(type: "text", nullable: false),
                    nik = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    email = table.Column<string>(type: "text", nullable: true),
                    birth_date = table.Column<DateOnly>(type: "date", nullable: false),
                    priority_category = table.Column<int>(type: "integer", nullable: false),
                    formation_code = table.Column<string>(type: "text", nullable: false),
                    status = table.Column<string>(type: "text", nullable: false),
                    admin_verdict = table.Column<string>(type: "text", nullable: true),
                    admin_reason = table.Column<string>(type: "text", nullable: true),
                    verified_by = table.Column<string>(type: "text", nullable: true),
                    verified_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_applicants", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "cat_scores",
                schema: "pppk",
                columns: table => new
                {
                    applicant_id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    technical = table.Column<int>(type: "integer", nullable: false),
                    managerial_socio_cultural = table.Column<int>(type: "integer", nullable: false),
                    interview = table.Column<int>(type: "integer", nullable: false),
                    imported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cat_scores", x => x.applicant_id);
                });

            migrationBuilder.CreateTable(
                name: "contracts",
                schema: "pppk",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    employee_id = table.Column<int>(type: "integer", nullable: false),
                    sk_id = table.Column<int>(type: "integer", nullable: true),
                    tmt = table.Column<DateOnly>(type: "date", nullable: false),
                    end = table.Column<DateOnly>(type: "date", nullable: false),
                    years = table.Column<int>(type: "integer", nullable: false),
                    spmt_date = table.Column<DateOnly>(type: "date", nullable: true),
                    status = table.Column<string>(type: "text", nullable: false),
                    notice_sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contracts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "employees",
                schema: "pppk",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ni_pppk = table.Column<string>(type: "text", nullable: true),
                    nik = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    email = table.Column<string>(type: "text", nullable: true),
                    birth_date = table.Column<DateOnly>(type: "date", nullable: true),
                    unit_code = table.Column<string>(type: "text", nullable: false),
                    position = table.Column<string>(type: "text", nullable: true),
                    grade = table.Column<int>(type: "integer", nullable: false),
                    service_years = table.Column<int>(type: "integer", nullable: false),
                    evaluator_user_name = table.Column<string>(type: "text", nullable: true),
                    applicant_id = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_employees", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "evaluations",
                schema: "pppk",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    employee_id = table.Column<int>(type: "integer", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    period = table.Column<string>(type: "text", nullable: false),
                    predicate = table.Column<string>(type: "text", nullable: false),
                    evaluator_user_name = table.Column<string>(type: "text", nullable: true),
                    notes = table.Column<string>(type: "text", nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_evaluations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "fiscal_checks",
                schema: "pppk",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    contract_id = table.Column<int>(type: "integer", nullable: false),
                    checked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    renewal_cost = table.Column<decimal>(type: "numeric", nullable: false),
                    unit_remaining = table.Column<decimal>(type: "numeric", nullable: false),
                    regional_ratio_percent = table.Column<decimal>(type: "numeric", nullable: false),
                    passed = table.Column<bool>(type: "boolean", nullable: false),
                    reason = table.Column<string>(type: "text", nullable: false),
                    inputs = table.Column<string>(type: "jsonb", nullable: false),
                    overridden_by_finance = table.Column<bool>(type: "boolean", nullable: true),
                    override_reason = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_fiscal_checks", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "formations",
                schema: "pppk",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    code = table.Column<string>(type: "text", nullable: false),
                    position = table.Column<string>(type: "text", nullable: false),
                    unit_code = table.Column<string>(type: "text", nullable: false),
                    unit_name = table.Column<string>(type: "text", nullable: false),
                    type = table.Column<string>(type: "text", nullable: false),
                    quota = table.Column<int>(type: "integer", nullable: false),
                    round_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_formations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "ranking_results",
                schema: "pppk",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    formation_id = table.Column<int>(type: "integer", nullable: false),
                    applicant_id = table.Column<int>(type: "integer", nullable: false),
                    rank = table.Column<int>(type: "integer", nullable: false),
                    passed = table.Column<bool>(type: "boolean", nullable: false),
                    reason = table.Column<string>(type: "text", nullable: true),
                    ranked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ranking_results", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "regional_fiscal_settings",
                schema: "pppk",
                columns: table => new
                {
                    fiscal_year = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    budget_total = table.Column<decimal>(type: "numeric", nullable: false),
                    personnel_spending = table.Column<decimal>(type: "numeric", nullable: false),
                    cap_percent = table.Column<decimal>(type: "numeric", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_regional_fiscal_settings", x => x.fiscal_year);
                });

            migrationBuilder.CreateTable(
                name: "salary_scale",
                schema: "pppk",
                columns: table => new
                {
                    grade = table.Column<int>(type: "integer", nullable: false),
                    service_years = table.Column<int>(type: "integer", nullable: false),
                    monthly_salary = table.Column<decimal>(type: "numeric", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_salary_scale", x => new { x.grade, x.service_years });
                });

            migrationBuilder.CreateTable(
                name: "selection_rounds",
                schema: "pppk",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    year = table.Column<int>(type: "integer", nullable: false),
                    wave = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    registration_start = table.Column<DateOnly>(type: "date", nullable: true),
                    registration_end = table.Column<DateOnly>(type: "date", nullable: true),
                    admin_result_date = table.Column<DateOnly>(type: "date", nullable: true),
                    appeal_start = table.Column<DateOnly>(type: "date", nullable: true),
                    appeal_end = table.Column<DateOnly>(type: "date", nullable: true),
                    appeal_answer_by = table.Column<DateOnly>(type: "date", nullable: true),
                    cat_start = table.Column<DateOnly>(type: "date", nullable: true),
                    cat_end = table.Column<DateOnly>(type: "date", nullable: true),
                    announcement_start = table.Column<DateOnly>(type: "date", nullable: true),
                    announcement_end = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_selection_rounds", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sk_sequences",
                schema: "pppk",
                columns: table => new
                {
                    year = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    last = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sk_sequences", x => x.year);
                });

            migrationBuilder.CreateTable(
                name: "sks",
                schema: "pppk",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    employee_id = table.Column<int>(type: "integer", nullable: false),
                    number = table.Column<string>(type: "text", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    signer = table.Column<string>(type: "text", nullable: false),
                    kind = table.Column<string>(type: "text", nullable: false),
                    bkn_copy_noted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sks", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "unit_budgets",
                schema: "pppk",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    unit_code = table.Column<string>(type: "text", nullable: false),
                    fiscal_year = table.Column<int>(type: "integer", nullable: false),
                    personnel_ceiling = table.Column<decimal>(type: "numeric", nullable: false),
                    committed = table.Column<decimal>(type: "numeric", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_unit_budgets", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "units",
                schema: "pppk",
                columns: table => new
                {
                    code = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    head_user_name = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_units", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "round_thresholds",
                schema: "pppk",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    round_id = table.Column<int>(type: "integer", nullable: false),
                    position_type = table.Column<string>(type: "text", nullable: false),
                    enabled = table.Column<bool>(type: "boolean", nullable: false),
                    min_technical = table.Column<int>(type: "integer", nullable: true),
                    min_managerial_socio_cultural = table.Column<int>(type: "integer", nullable: true),
                    min_interview = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_round_thresholds", x => x.id);
                    table.ForeignKey(
                        name: "fk_round_thresholds_selection_rounds_round_id",
                        column: x => x.round_id,
                        principalSchema: "pppk",
                        principalTable: "selection_rounds",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_appeals_applicant_id",
                schema: "pppk",
                table: "appeals",
                column: "applicant_id");

            migrationBuilder.CreateIndex(
                name: "ix_applicants_formation_code",
                schema: "pppk",
                table: "applicants",
                column: "formation_code");

            migrationBuilder.CreateIndex(
                name: "ix_applicants_nik",
                schema: "pppk",
                table: "applicants",
                column: "nik");

            migrationBuilder.CreateIndex(
                name: "ix_applicants_registration_number",
                schema: "pppk",
                table: "applicants",
                column: "registration_number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_contracts_employee_id",
                schema: "pppk",
                table: "contracts",
                column: "employee_id");

            migrationBuilder.CreateIndex(
                name: "ix_contracts_status_end",
                schema: "pppk",
                table: "contracts",
                columns: new[] { "status", "end" });

            migrationBuilder.CreateIndex(
                name: "ix_employees_ni_pppk",
                schema: "pppk",
                table: "employees",
                column: "ni_pppk",
                unique: true,
                filter: "ni_pppk IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_employees_nik",
                schema: "pppk",
                table: "employees",
                column: "nik",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_employees_unit_code",
                schema: "pppk",
                table: "employees",
                column: "unit_code");

            migrationBuilder.CreateIndex(
                name: "ix_evaluations_employee_id_year_period",
                schema: "pppk",
                table: "evaluations",
                columns: new[] { "employee_id", "year", "period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_fiscal_checks_contract_id",
                schema: "pppk",
                table: "fiscal_checks",
                column: "contract_id");

            migrationBuilder.CreateIndex(
                name: "ix_formations_code",
                schema: "pppk",
                table: "formations",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_formations_unit_code",
                schema: "pppk",
                table: "formations",
                column: "unit_code");

            migrationBuilder.CreateIndex(
                name: "ix_ranking_results_applicant_id",
                schema: "pppk",
                table: "ranking_results",
                column: "applicant_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_ranking_results_formation_id_rank",
                schema: "pppk",
                table: "ranking_results",
                columns: new[] { "formation_id", "rank" });

            migrationBuilder.CreateIndex(
                name: "ix_round_thresholds_round_id_position_type",
                schema: "pppk",
                table: "round_thresholds",
                columns: new[] { "round_id", "position_type" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_selection_rounds_year_wave",
                schema: "pppk",
                table: "selection_rounds",
                columns: new[] { "year", "wave" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_sks_employee_id",
                schema: "pppk",
                table: "sks",
                column: "employee_id");

            migrationBuilder.CreateIndex(
                name: "ix_sks_number",
                schema: "pppk",
                table: "sks",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_unit_budgets_unit_code_fiscal_year",
                schema: "pppk",
                table: "unit_budgets",
                columns: new[] { "unit_code", "fiscal_year" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "appeals",
                schema: "pppk");

            migrationBuilder.DropTable(
                name: "applicants",
                schema: "pppk");

            migrationBuilder.DropTable(
                name: "cat_scores",
                schema: "pppk");

            migrationBuilder.DropTable(
                name: "contracts",
                schema: "pppk");

            migrationBuilder.DropTable(
                name: "employees",
                schema: "pppk");

            migrationBuilder.DropTable(
                name: "evaluations",
                schema: "pppk");

            migrationBuilder.DropTable(
                name: "fiscal_checks",
                schema: "pppk");

            migrationBuilder.DropTable(
                name: "formations",
                schema: "pppk");

            migrationBuilder.DropTable(
                name: "ranking_results",
                schema: "pppk");

            migrationBuilder.DropTable(
                name: "regional_fiscal_settings",
                schema: "pppk");

            migrationBuilder.DropTable(
                name: "round_thresholds",
                schema: "pppk");

            migrationBuilder.DropTable(
                name: "salary_scale",
                schema: "pppk");

            migrationBuilder.DropTable(
                name: "sk_sequences",
                schema: "pppk");

            migrationBuilder.DropTable(
                name: "sks",
                schema: "pppk");

            migrationBuilder.DropTable(
                name: "unit_budgets",
                schema: "pppk");

            migrationBuilder.DropTable(
                name: "units",
                schema: "pppk");

            migrationBuilder.DropTable(
                name: "selection_rounds",
                schema: "pppk");
        }
    }
}
