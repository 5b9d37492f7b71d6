using System.Net;
using System.Net.Http.Headers;
using Erds.Host.Tests.Support;
using Xunit;

namespace Erds.Host.Tests;

public sealed class TokenCommandFixture : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "erds-tokens-" + Guid.NewGuid().ToString("N"));
    private HostProcess? _host;

    public CliSession Operator { get; private set; } = null!;

    public HostProcess Host => _host!;

    public async ValueTask InitializeAsync()
    {
        // Without the credential cache a change to a token shows at once, so the tests need not wait.
        _host = await HostProcess.StartAsync(new Dictionary<string, string> { ["Erds__Submission__CredentialCacheDuration"] = "00:00:00" });
        Directory.CreateDirectory(_root);
        Operator = CliSession.For(_host, _root);
        await Operator.RunOkAsync("org", "add", "--handle", "court", "--name", "Rechtbank");
        await Operator.RunOkAsync("mailbox", "add", "--org", "court", "--address", "griffie@court.example", "--functional");
        await Operator.RunOkAsync("user", "add", "--org", "court", "--name", "Griffier", "--email", "griffier@court.example");
    }

    public async Task<HttpStatusCode> StatusAsync(string token, string path)
    {
        using var http = new HttpClient { BaseAddress = Host.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.GetAsync(path);
        return response.StatusCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }
}

// Tokens as an operator handles them with erds: issued with scopes and an expiry, listed without their
// secrets, rotated without a moment in which the client has no working token, revoked; each recorded.
public sealed class TokenCommandTests(TokenCommandFixture fixture) : IClassFixture<TokenCommandFixture>
{
    private CliSession Operator => fixture.Operator;

    [Fact]
    public async Task A_token_gets_the_scopes_and_expiry_asked_for_and_is_listed_without_its_secret()
    {
        var token = await Operator.RunOkAsync("token", "issue", "--org", "court", "--scopes", "evidence", "--expires", "30d", "--label", "auditor");
        var standard = await Operator.RunOkAsync("token", "issue", "--org", "court");

        Assert.Equal(HttpStatusCode.Forbidden, await fixture.StatusAsync(token, "/api/v1/messages"));
        Assert.Equal(HttpStatusCode.OK, await fixture.StatusAsync(token, $"/api/v1/messages/evidence?messageId={Guid.NewGuid()}"));
        Assert.Equal(HttpStatusCode.OK, await fixture.StatusAsync(standard, "/api/v1/messages"));
        Assert.Equal(HttpStatusCode.Forbidden, await fixture.StatusAsync(standard, "/api/v1/access-log"));

        var list = await Operator.RunOkAsync("token", "list", "--org", "court");
        var auditor = Line(list, IdOf(token));
        Assert.Contains("\tauditor\t", auditor);
        Assert.Contains("\tevidence\t", auditor);
        Assert.Contains(DateTimeOffset.UtcNow.AddDays(30).ToString("yyyy-MM-dd"), auditor);
        Assert.Contains("\tsend,receive,evidence\t", Line(list, IdOf(standard)));
        Assert.Contains(DateTimeOffset.UtcNow.AddDays(365).ToString("yyyy-MM-dd"), Line(list, IdOf(standard)));
        Assert.DoesNotContain(token[^43..], list);
        Assert.DoesNotContain(standard[^43..], list);
    }

    [Theory]
    [InlineData("--scopes", "send,everything", "unknown scope")]
    [InlineData("--scopes", ",", "no scope")]
    [InlineData("--expires", "5000d", "at most")]
    [InlineData("--expires", "2020-01-01", "future")]
    [InlineData("--expires", "soon", "duration")]
    public async Task Bad_scopes_or_expiries_are_refused_and_nothing_is_issued(string option, string value, string message)
    {
        var before = await Operator.RunOkAsync("token", "list", "--org", "court", "--all");
        var (exit, _, error) = await Operator.RunAsync("token", "issue", "--org", "court", option, value);

        Assert.Equal(1, exit);
        Assert.Contains(message, error);
        Assert.Equal(before, await Operator.RunOkAsync("token", "list", "--org", "court", "--all"));
    }

    [Fact]
    public async Task Rotation_gives_a_working_token_at_once_and_lets_the_old_one_run_out_after_the_overlap()
    {
        var first = await Operator.RunOkAsync("token", "issue", "--org", "court", "--user", "griffier@court.example", "--scopes", "send,evidence",
            "--assurance", "substantial", "--label", "zaaksysteem");

        var second = await Operator.RunOkAsync("token", "rotate", IdOf(first).ToString(), "--overlap", "7d");

        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.OK, await fixture.StatusAsync(first, "/api/v1/messages"));
        Assert.Equal(HttpStatusCode.OK, await fixture.StatusAsync(second, "/api/v1/messages"));
        var list = await Operator.RunOkAsync("token", "list", "--org", "court");
        Assert.Contains(DateTimeOffset.UtcNow.AddDays(7).ToString("yyyy-MM-dd"), Line(list, IdOf(first)));
        var replacement = Line(list, IdOf(second));
        foreach (var same in new[] { "\tzaaksysteem\t", "\tgriffier@court.example\t", "\tsend,evidence\t", "\tsubstantial\t" }) Assert.Contains(same, replacement);

        // No overlap: the old token stops at once.
        var third = await Operator.RunOkAsync("token", "rotate", IdOf(second).ToString(), "--overlap", "0");
        Assert.Equal(HttpStatusCode.Unauthorized, await fixture.StatusAsync(second, "/api/v1/messages"));
        Assert.Equal(HttpStatusCode.OK, await fixture.StatusAsync(third, "/api/v1/messages"));
        Assert.Equal(HttpStatusCode.OK, await fixture.StatusAsync(first, "/api/v1/messages"));
        var (exit, _, error) = await Operator.RunAsync("token", "rotate", IdOf(second).ToString());
        Assert.Equal(1, exit);
        Assert.Contains("expired", error);
    }

    [Fact]
    public async Task Issue_rotation_revocation_and_unattributed_failures_are_in_the_access_log()
    {
        var token = await Operator.RunOkAsync("token", "issue", "--org", "court", "--scopes", "receive");
        var rotated = await Operator.RunOkAsync("token", "rotate", IdOf(token).ToString());
        Assert.StartsWith($"token {IdOf(rotated)} revoked", await Operator.RunOkAsync("token", "revoke", IdOf(rotated).ToString()));
        Assert.Equal(HttpStatusCode.Unauthorized, await fixture.StatusAsync(rotated, "/api/v1/inbox"));
        var unknown = Guid.NewGuid();
        Assert.Equal(HttpStatusCode.Unauthorized, await fixture.StatusAsync($"erds_{unknown:N}_{token[^43..]}", "/api/v1/inbox"));

        var log = await Operator.RunOkAsync("access-log", "--org", "court", "--since", "1h");
        var issued = Line(log, "token.issue", IdOf(token));
        Assert.Contains($"\toperator {Environment.UserName}@", issued);
        Assert.Contains("scopes receive", issued);
        Assert.Contains($"replaced by {IdOf(rotated)}", Line(log, "token.rotate", IdOf(token)));
        Assert.Contains("\tcourt\t", Line(log, "token.revoke", IdOf(rotated)));
        var refused = Line(log, "authentication.failed", IdOf(rotated));
        Assert.Contains("\t401\t", refused);
        Assert.Contains("revoked", refused);
        Assert.DoesNotContain(unknown.ToString(), log);

        var unattributed = await Operator.RunOkAsync("access-log", "--unattributed", "--action", "authentication.failed");
        Assert.Contains("unknown credential", Line(unattributed, unknown));
        Assert.Contains("\t127.0.0.1\t", Line(unattributed, unknown));
    }

    private static Guid IdOf(string token) =>
        Erds.Persistence.Entities.ApiTokens.TryParse(token, out var id, out _) ? id : throw new ArgumentException($"Not a token: {token}");

    private static string Line(string output, Guid id) => Line(output, "", id);

    private static string Line(string output, string startsWith, Guid id) =>
        output.Split('\n').SingleOrDefault(l => l.Contains(id.ToString()) && l.Contains(startsWith))
        ?? throw new Xunit.Sdk.XunitException($"No line with {startsWith} {id} in:\n{output}");
}
