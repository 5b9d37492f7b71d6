using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Erds.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ParkedDeliveryEvents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ParkedDeliveryEvents",
                columns: table => new
                {
                    DeliveryEventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MessageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecipientIndex = table.Column<int>(type: "INTEGER", nullable: false),
                    EventName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ParkedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ParkedDeliveryEvents", x => x.DeliveryEventId);
                    table.ForeignKey(
                        name: "FK_ParkedDeliveryEvents_DeliveryEvents_DeliveryEventId",
                        column: x => x.DeliveryEventId,
                        principalTable: "DeliveryEvents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ParkedDeliveryEvents_ParkedAt",
                table: "ParkedDeliveryEvents",
                column: "ParkedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ParkedDeliveryEvents");
        }
    }
}
