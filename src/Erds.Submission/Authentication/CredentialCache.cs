using System.Collections.Concurrent;
using System.Data.Common;
using Erds.Persistence;
using Erds.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Erds.Submission.Authentication;

// Stored API credentials, each kept for a short while after it was read, because every request
// authenticates and senders poll: measured under load (docs/performance.md), the credential lookup
// was one database round trip in every request. The price is that a revoked token is refused only
// once its entry is older than Erds:Submission:CredentialCacheDuration (5 s by default; zero turns
// the cache off). The secret is still checked against the stored hash on every request, and the
// expiry against the clock (a token is refused at its expiry, not up to 5 s later).
public sealed class CredentialCache(IOptions<SubmissionOptions> options, TimeProvider time, ILogger<CredentialCache> logger)
{
    // Far more than the credentials in use; past it the cache starts again rather than grow unbounded.
    private const int MaxEntries = 10_000;

    // How precisely ApiCredential.LastUsedAt is kept: at most one write per credential and process per
    // this much time, so that authenticating stays a read.
    public static readonly TimeSpan LastUseResolution = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<Guid, Entry> _entries = new();
    private readonly ConcurrentDictionary<Guid, long> _useNotedAt = new();

    public async Task<ApiCredential?> FindAsync(ErdsDbContext db, Guid credentialId, CancellationToken cancellationToken)
    {
        var duration = options.Value.CredentialCacheDuration;
        var now = time.GetUtcNow();
        if (duration > TimeSpan.Zero && _entries.TryGetValue(credentialId, out var cached) && now - cached.ReadAt < duration)
        {
            return cached.Credential;
        }
        var credential = await Lookup.For(db)(db, credentialId, cancellationToken);
        // Unknown ids are not kept: guessing them must not fill the cache.
        if (credential is not null && duration > TimeSpan.Zero)
        {
            if (_entries.Count >= MaxEntries) _entries.Clear();
            _entries[credentialId] = new Entry(credential, now);
        }
        return credential;
    }

    // Called once a request authenticated with the credential: records the use unless this process, or
    // the stored value, already did within LastUseResolution.
    public async Task NoteUseAsync(ErdsDbContext db, ApiCredential credential, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var stored = credential.LastUsedAt?.UtcTicks ?? long.MinValue;
        var noted = Math.Max(stored, _useNotedAt.GetValueOrDefault(credential.Id, long.MinValue));
        if (noted != long.MinValue && now.UtcTicks - noted < LastUseResolution.Ticks) return;
        if (_useNotedAt.Count >= MaxEntries) _useNotedAt.Clear();
        _useNotedAt[credential.Id] = now.UtcTicks;
        var before = now - LastUseResolution;
        try
        {
            await db.ApiCredentials.Where(c => c.Id == credential.Id && (c.LastUsedAt == null || c.LastUsedAt < before))
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.LastUsedAt, now), cancellationToken);
        }
        catch (DbException ex)
        {
            // Bookkeeping for `erds token list`, not a condition of access: the request goes on.
            logger.LogWarning(ex, "Could not record the last use of credential {CredentialId}", credential.Id);
        }
    }

    // Compiled once: every cache miss would otherwise translate the same LINQ again.
    private static readonly PerModelQuery<Func<ErdsDbContext, Guid, CancellationToken, Task<ApiCredential?>>> Lookup = new(() =>
        EF.CompileAsyncQuery((ErdsDbContext db, Guid credentialId, CancellationToken _) =>
            db.ApiCredentials.AsNoTracking().SingleOrDefault(c => c.Id == credentialId)));

    private sealed record Entry(ApiCredential Credential, DateTimeOffset ReadAt);
}
