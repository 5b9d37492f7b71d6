using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Erds.Submission.Problems;

// Writes a problem+json answer from middleware that runs outside the exception handler (the rate
// limiter, authentication challenges).
public static class ProblemAnswers
{
    public static async Task WriteAsync(HttpContext http, ProblemDetails problem, CancellationToken cancellationToken = default)
    {
        http.Response.StatusCode = problem.Status!.Value;
        var written = await http.RequestServices.GetRequiredService<IProblemDetailsService>()
            .TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
        if (!written) await http.Response.WriteAsJsonAsync(problem, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", cancellationToken);
    }
}
