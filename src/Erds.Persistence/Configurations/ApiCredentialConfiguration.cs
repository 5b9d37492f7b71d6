using Erds.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Erds.Persistence.Configurations;

internal sealed class ApiCredentialConfiguration : IEntityTypeConfiguration<ApiCredential>
{
    public void Configure(EntityTypeBuilder<ApiCredential> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Label).HasMaxLength(128);
        builder.Property(c => c.SecretHash).HasMaxLength(32);
        builder.Property(c => c.AssuranceLevel).HasMaxLength(256);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId);
    }
}
