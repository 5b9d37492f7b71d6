using System.Linq.Expressions;
using Erds.Persistence.Entities;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Query;

namespace Erds.Persistence.AccessLog;

// ExecuteUpdate and ExecuteDelete write without the change tracker, so AppendOnly never sees them.
// They are refused when their query is compiled (once per query shape, so it costs nothing per call).
internal sealed class AppendOnlyQueryGuard : IQueryExpressionInterceptor
{
    public static readonly AppendOnlyQueryGuard Instance = new();

    public Expression QueryCompilationStarting(Expression queryExpression, QueryExpressionEventData eventData)
    {
        if (queryExpression is MethodCallExpression { Method.Name: "ExecuteUpdate" or "ExecuteDelete" } bulk
            && new AccessLogRootFinder().Finds(bulk))
        {
            throw new AppendOnlyViolationException($"{bulk.Method.Name} on the access log: the access log is append-only.");
        }
        return queryExpression;
    }

    private sealed class AccessLogRootFinder : ExpressionVisitor
    {
        private bool _found;

        public bool Finds(Expression expression)
        {
            Visit(expression);
            return _found;
        }

        protected override Expression VisitExtension(Expression node)
        {
            if (node is EntityQueryRootExpression root && root.EntityType.ClrType == typeof(AccessLogEntry)) _found = true;
            return node.CanReduce ? base.VisitExtension(node) : node;
        }
    }
}
