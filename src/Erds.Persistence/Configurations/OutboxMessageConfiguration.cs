using Erds.Contracts;
using Erds.Persistence.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Erds.Persistence.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedOnAdd();
        builder.HasIndex(m => m.MessageId).IsUnique();
        builder.HasIndex(m => m.SentAt);
        builder.Property(m => m.MessageType).HasMaxLength(256);
        builder.Property(m => m.LockedBy).HasMaxLength(OutboxClaim.OwnerMaxLength);
        builder.Property(m => m.CorrelationId).HasMaxLength(Correlation.MaxLength);
    }
}
