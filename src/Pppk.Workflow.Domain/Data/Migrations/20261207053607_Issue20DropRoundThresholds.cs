using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Pppk.Workflow.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class Issue20DropRoundThresholds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "round_thresholds",
                schema: "pppk");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "round_thresholds",
                schema: "pppk",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    enabled = table.Column<bool>(type: "boolean", nullable: false),
                    min_interview = table.Column<int>(type: "integer", nullable: true),
                    min_managerial_socio_cultural = table.Column<int>(type: "integer", nullable: true),
                    min_technical = table.Column<int>(type: "integer", nullable: true),
                    position_type = table.Column<string>(type: "text", nullable: false),
                    round_id = table.Column<int>(type: "integer", nullable: false)
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
                name: "ix_round_thresholds_round_id_position_type",
                schema: "pppk",
                table: "round_thresholds",
                columns: new[] { "round_id", "position_type" },
                unique: true);
        }
    }
}
