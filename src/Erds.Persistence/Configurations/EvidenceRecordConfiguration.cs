using Erds.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Erds.Persistence.Configurations;

internal sealed class EvidenceRecordConfiguration : IEntityTypeConfiguration<EvidenceRecord>
{
    public void Configure(EntityTypeBuilder<EvidenceRecord> builder)
    {
        builder.ToTable("Evidence");
        builder.HasKey(e => e.Id);
        builder.HasIndex(e => e.DeliveryEventId).IsUnique();
        // The same event for the same recipient of the same message can never be proven twice.
        builder.HasIndex(e => new { e.MessageId, e.RecipientIndex, e.EventName }).IsUnique();
        builder.Property(e => e.EventName).HasMaxLength(64);
        builder.Property(e => e.Sha256).HasMaxLength(32);
        builder.HasOne<DeliveryEvent>().WithOne().HasForeignKey<EvidenceRecord>(e => e.DeliveryEventId);
    }
}
