using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Erds.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class KeptContentIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Messages_SubmittedAt",
                table: "Messages");

            migrationBuilder.CreateIndex(
                name: "IX_Messages_SubmittedAt_ContentKept",
                table: "Messages",
                column: "SubmittedAt",
                filter: "\"ContentDeletedAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Messages_SubmittedAt_ContentKept",
                table: "Messages");

            migrationBuilder.CreateIndex(
                name: "IX_Messages_SubmittedAt",
                table: "Messages",
                column: "SubmittedAt");
        }
    }
}
