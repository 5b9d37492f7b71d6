using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Erds.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class HistoryScanIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Messages_SubmittedAt",
                table: "Messages",
                column: "SubmittedAt");

            migrationBuilder.CreateIndex(
                name: "IX_MessageRecipients_Status",
                table: "MessageRecipients",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_DeliveryEvents_OccurredAt",
                table: "DeliveryEvents",
                column: "OccurredAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Messages_SubmittedAt",
                table: "Messages");

            migrationBuilder.DropIndex(
                name: "IX_MessageRecipients_Status",
                table: "MessageRecipients");

            migrationBuilder.DropIndex(
                name: "IX_DeliveryEvents_OccurredAt",
                table: "DeliveryEvents");
        }
    }
}
