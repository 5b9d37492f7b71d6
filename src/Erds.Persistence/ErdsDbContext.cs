using Erds.Persistence.AccessLog;
using Erds.Persistence.Entities;
using Erds.Persistence.Inbox;
using Erds.Persistence.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Erds.Persistence;

// The one model of ErdsService. Each database product has a derived context (Providers/) that owns
// its migrations; services ask for ErdsDbContext and never see which one runs.
public abstract class ErdsDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<OrganisationUser> Users => Set<OrganisationUser>();
    public DbSet<Mailbox> Mailboxes => Set<Mailbox>();
    public DbSet<ApiCredential> ApiCredentials => Set<ApiCredential>();
    public DbSet<Message> Messages => Set<Message>();
    public DbSet<MessageRecipient> MessageRecipients => Set<MessageRecipient>();
    public DbSet<MessagePart> MessageParts => Set<MessagePart>();
    public DbSet<DeliveryEvent> DeliveryEvents => Set<DeliveryEvent>();
    public DbSet<EvidenceRecord> Evidence => Set<EvidenceRecord>();
    public DbSet<ParkedDeliveryEvent> ParkedDeliveryEvents => Set<ParkedDeliveryEvent>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();
    public DbSet<AccessLogEntry> AccessLog => Set<AccessLogEntry>();

    // What the outbox interceptor keeps about this context's unit of work. Contexts are pooled: each
    // lease begins a new one for its scope, so nothing carries over from the scope before.
    internal OutboxUnitOfWork OutboxWork { get; private set; } = new(correlation: null);

    internal void BeginUnitOfWork(OutboxCorrelation correlation) => OutboxWork = new OutboxUnitOfWork(correlation);

    // The access log is append-only (AppendOnly): checked on every save, whatever the code path.
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        AppendOnly.Check(ChangeTracker);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        AppendOnly.Check(ChangeTracker);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ErdsDbContext).Assembly);

    // Every instant is stored in UTC: PostgreSQL's timestamptz refuses any other offset, and SQL
    // Server would keep the caller's offset, so the same row would read back differently per provider.
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcConverter>();
}
