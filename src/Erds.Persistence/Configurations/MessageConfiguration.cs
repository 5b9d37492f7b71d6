using Erds.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Erds.Persistence.Configurations;

internal sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> builder)
    {
        builder.HasKey(m => m.Id);
        builder.Property(m => m.SenderAddress).HasMaxLength(320);
        builder.Property(m => m.Subject).HasMaxLength(998);
        builder.Property(m => m.SenderReference).HasMaxLength(256);
        builder.Property(m => m.ConsignmentMode).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.RejectionCode).HasMaxLength(256);
        builder.Property(m => m.RejectionDetails).HasMaxLength(1024);
        builder.Property(m => m.SenderAuthenticationMethod).HasMaxLength(256);
        builder.Property(m => m.SenderAssuranceLevel).HasMaxLength(256);
        builder.Property(m => m.WrappedContentKey).HasMaxLength(128);
        builder.HasIndex(m => new { m.SenderOrganisationId, m.SubmittedAt });
        // Messages whose content is still kept: the consignment reconciler reads the last minutes of
        // them, retention the ones older than its period, neither the whole history. The filter is
        // the same SQL in SQLite, PostgreSQL and SQL Server (quoted identifiers are on there).
        builder.HasIndex(m => m.SubmittedAt).HasDatabaseName("IX_Messages_SubmittedAt_ContentKept")
            .HasFilter($"\"{nameof(Message.ContentDeletedAt)}\" IS NULL");
        builder.HasOne<Organisation>().WithMany().HasForeignKey(m => m.SenderOrganisationId);
        builder.HasMany(m => m.Recipients).WithOne().HasForeignKey(r => r.MessageId);
        builder.HasMany(m => m.Parts).WithOne().HasForeignKey(p => p.MessageId);
    }
}
