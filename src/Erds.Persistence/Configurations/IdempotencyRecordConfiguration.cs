using Erds.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Erds.Persistence.Configurations;

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.HasKey(r => r.Id);
        builder.HasIndex(r => new { r.OrganisationId, r.Key }).IsUnique();
        builder.Property(r => r.Key).HasMaxLength(128);
        builder.Property(r => r.RequestFingerprint).HasMaxLength(32);
        builder.Property(r => r.Location).HasMaxLength(512);
    }
}
