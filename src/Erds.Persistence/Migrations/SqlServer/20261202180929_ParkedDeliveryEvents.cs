using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Erds.Persistence.Migrations.SqlServer
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
                    DeliveryEventId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MessageId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RecipientIndex = table.Column<int>(type: "int", nullable: false),
                    EventName = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    ParkedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
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
