using Erds.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Erds.Persistence.Configurations;

internal sealed class ParkedDeliveryEventConfiguration : IEntityTypeConfiguration<ParkedDeliveryEvent>
{
    public void Configure(EntityTypeBuilder<ParkedDeliveryEvent> builder)
    {
        builder.HasKey(p => p.DeliveryEventId);
        builder.Property(p => p.EventName).HasMaxLength(64);
        builder.Property(p => p.Reason).HasMaxLength(ParkedDeliveryEvent.MaxReasonLength);
        builder.HasIndex(p => p.ParkedAt);
        builder.HasOne<DeliveryEvent>().WithOne().HasForeignKey<ParkedDeliveryEvent>(p => p.DeliveryEventId);
    }
}
