using Erds.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Erds.Persistence.Configurations;

internal sealed class MailboxConfiguration : IEntityTypeConfiguration<Mailbox>
{
    public void Configure(EntityTypeBuilder<Mailbox> builder)
    {
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Address).HasMaxLength(320);
        builder.Property(m => m.AddressKey).HasMaxLength(320);
        builder.HasIndex(m => m.AddressKey).IsUnique();
        builder.Property(m => m.DisplayName).HasMaxLength(256);
        builder.Property(m => m.NotificationAddress).HasMaxLength(320);
    }
}
