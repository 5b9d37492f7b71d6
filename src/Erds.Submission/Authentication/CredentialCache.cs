using System.Collections.Concurrent;
using Erds.Persistence;
using Erds.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Erds.Submission.Authentication;

// Stored API credentials, each kept for a short while after it was read, because every request
// authenticates and senders poll: measured under load (docs/performance.md), the credential lookup
// was one database round trip in every request. The price is that a revoked token is refused only
// once its entry is older than Erds:Submission:CredentialCacheDuration (5 s by default; zero turns
// the cache off). The secret is still checked against the stored hash on every request.
public sealed class CredentialCache(IOptions<SubmissionOptions> options, TimeProvider time)
{
    // Far more than the credentials in use; past it the cache starts again rather than grow unbounded.
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<Guid, Entry> _entries = new();

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

    // Compiled once: every cache miss would otherwise translate the same LINQ again.
    private static readonly PerModelQuery<Func<ErdsDbContext, Guid, CancellationToken, Task<ApiCredential?>>> Lookup = new(() =>
        EF.CompileAsyncQuery((ErdsDbContext db, Guid credentialId, CancellationToken _) =>
            db.ApiCredentials.AsNoTracking().SingleOrDefault(c => c.Id == credentialId)));

    private sealed record Entry(ApiCredential Credential, DateTimeOffset ReadAt);
}
