using Erds.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Erds.Persistence.Configurations;

internal sealed class MessageRecipientConfiguration : IEntityTypeConfiguration<MessageRecipient>
{
    public void Configure(EntityTypeBuilder<MessageRecipient> builder)
    {
        builder.HasKey(r => r.Id);
        builder.HasIndex(r => new { r.MessageId, r.Index }).IsUnique();
        builder.HasIndex(r => new { r.MailboxId, r.Status });
        // Expiry looks for deliveries still open (awaiting a decision or a retrieval): few, however
        // long the history of finished ones.
        builder.HasIndex(r => r.Status);
        builder.Property(r => r.Identifier).HasMaxLength(320);
        builder.Property(r => r.IdentifierScheme).HasMaxLength(64);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(32);
        builder.Property(r => r.Version).IsConcurrencyToken();
    }
}
