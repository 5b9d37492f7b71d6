using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Erds.Persistence;

// An EF Core compiled query (EF.CompileAsyncQuery), compiled once per model it meets. EF binds a
// compiled query to the model of the first context that runs it and refuses every other one, and a
// process may hold several: the tests run SQLite and PostgreSQL providers side by side. Kept in a
// static field like the compiled query itself; looking up the model costs next to nothing.
public sealed class PerModelQuery<TQuery>(Func<TQuery> compile) where TQuery : class
{
    private readonly ConcurrentDictionary<IModel, TQuery> _compiled = new();

    public TQuery For(DbContext db) => _compiled.GetOrAdd(db.Model, static (_, compile) => compile(), compile);
}
