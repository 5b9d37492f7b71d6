using Erds.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Erds.Persistence.Configurations;

internal sealed class AccessLogEntryConfiguration : IEntityTypeConfiguration<AccessLogEntry>
{
    public void Configure(EntityTypeBuilder<AccessLogEntry> builder)
    {
        builder.ToTable("AccessLog");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedOnAdd();
        builder.Property(e => e.Action).HasMaxLength(48);
        builder.Property(e => e.ClientAddress).HasMaxLength(64);
        builder.Property(e => e.Operator).HasMaxLength(128);
        builder.Property(e => e.Detail).HasMaxLength(AccessLogEntry.DetailMaxLength);
        builder.Property(e => e.CorrelationId).HasMaxLength(64);
        // An organisation's entries, newest first (the API and erds access-log --org); and every
        // organisation's by time, for operators. No foreign keys: a record outlives what it names.
        builder.HasIndex(e => new { e.OrganisationId, e.Id });
        builder.HasIndex(e => e.At);
    }
}
