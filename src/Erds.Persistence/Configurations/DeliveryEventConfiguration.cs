using Erds.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Erds.Persistence.Configurations;

internal sealed class DeliveryEventConfiguration : IEntityTypeConfiguration<DeliveryEvent>
{
    public void Configure(EntityTypeBuilder<DeliveryEvent> builder)
    {
        builder.HasKey(e => e.Id);
        // One event of a kind per message and recipient: a redelivered command cannot record it twice.
        builder.HasIndex(e => new { e.MessageId, e.RecipientIndex, e.EventName }).IsUnique();
        // The evidence reconciler reads the events of the last minutes, not the whole history.
        builder.HasIndex(e => e.OccurredAt);
        builder.Property(e => e.EventName).HasMaxLength(64);
        builder.Property(e => e.ReasonCode).HasMaxLength(256);
        builder.Property(e => e.ReasonDetails).HasMaxLength(1024);
        builder.Property(e => e.ActorAuthenticationMethod).HasMaxLength(256);
        builder.Property(e => e.ActorAssuranceLevel).HasMaxLength(256);
        builder.HasOne<Message>().WithMany().HasForeignKey(e => e.MessageId);
    }
}
