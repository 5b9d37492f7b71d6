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
        // The default is what the migration that introduced scopes gives the tokens that existed then
        // (ApiScopes.Legacy); every token issued since names its scopes, so the default is never used again.
        builder.Property(c => c.Scopes).HasMaxLength(64).HasDefaultValue(ApiScopes.Legacy);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId);
    }
}
