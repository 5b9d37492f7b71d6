using Erds.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Erds.Persistence.Configurations;

internal sealed class MessagePartConfiguration : IEntityTypeConfiguration<MessagePart>
{
    public void Configure(EntityTypeBuilder<MessagePart> builder)
    {
        builder.HasKey(p => p.Id);
        builder.HasIndex(p => new { p.MessageId, p.PartId }).IsUnique();
        builder.Property(p => p.PartId).HasMaxLength(64);
        builder.Property(p => p.FileName).HasMaxLength(255);
        builder.Property(p => p.ContentType).HasMaxLength(255);
        builder.Property(p => p.Sha256).HasMaxLength(32);
    }
}
