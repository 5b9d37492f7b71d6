using Erds.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Erds.Persistence.Configurations;

internal sealed class OrganisationUserConfiguration : IEntityTypeConfiguration<OrganisationUser>
{
    public void Configure(EntityTypeBuilder<OrganisationUser> builder)
    {
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Name).HasMaxLength(256);
        builder.Property(u => u.Email).HasMaxLength(320);
        builder.HasIndex(u => new { u.OrganisationId, u.Email }).IsUnique();
    }
}
