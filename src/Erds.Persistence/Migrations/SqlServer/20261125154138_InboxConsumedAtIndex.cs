using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Erds.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class InboxConsumedAtIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_InboxMessages_ConsumedAt",
                table: "InboxMessages",
                column: "ConsumedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_InboxMessages_ConsumedAt",
                table: "InboxMessages");
        }
    }
}
