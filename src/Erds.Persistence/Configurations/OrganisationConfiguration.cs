using Erds.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Erds.Persistence.Configurations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Handle).HasMaxLength(64);
        builder.HasIndex(o => o.Handle).IsUnique();
        builder.Property(o => o.LegalName).HasMaxLength(256);
        builder.Property(o => o.LegalIdentifier).HasMaxLength(128);
        builder.HasMany(o => o.Mailboxes).WithOne().HasForeignKey(m => m.OrganisationId);
        builder.HasMany(o => o.Users).WithOne().HasForeignKey(u => u.OrganisationId);
    }
}
