using Erds.IntegrationTests.Support;
using Erds.Persistence;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Erds.IntegrationTests.PostgreSql;

// Operator commands on the configured database: by options, or by ERDS_STORAGE_PROVIDER/ERDS_CONNECTION.
public sealed class PostgreSqlCliTests : IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "erds-cli-" + Guid.NewGuid().ToString("N"));
    private string _connectionString = "";

    public async ValueTask InitializeAsync() => _connectionString = await PostgresServer.CreateDatabaseAsync();

    public async ValueTask DisposeAsync()
    {
        if (_connectionString.Length > 0) await PostgresServer.DropDatabaseAsync(_connectionString);
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task Operator_commands_set_up_an_organisation_with_a_mailbox_and_a_token_on_PostgreSql()
    {
        var none = new Dictionary<string, string> { ["ERDS_DATA_DIR"] = _dataDirectory };
        var added = await CliProcess.RunAsync(none,
            "org", "add", "--provider", "PostgreSql", "--connection", _connectionString, "--handle", "rechtbank", "--name", "Rechtbank Amsterdam");
        Assert.True(added.ExitCode == 0, added.Output);

        var environment = new Dictionary<string, string>(none) { ["ERDS_STORAGE_PROVIDER"] = "postgresql", ["ERDS_CONNECTION"] = _connectionString };
        var mailbox = await CliProcess.RunAsync(environment, "mailbox", "add", "--org", "rechtbank", "--address", "Griffie@Rechtbank.example", "--functional");
        Assert.True(mailbox.ExitCode == 0, mailbox.Output);
        var token = await CliProcess.RunAsync(environment, "token", "issue", "--org", "rechtbank");
        Assert.True(token.ExitCode == 0, token.Output);
        Assert.StartsWith("erds_", token.Output.Trim());
        var list = await CliProcess.RunAsync(environment, "org", "list");
        Assert.Contains("rechtbank\tRechtbank Amsterdam\tGriffie@Rechtbank.example", list.Output);

        await using var db = ErdsDatabase.Open(StorageProviders.PostgreSql, _connectionString);
        var organisation = await db.Organisations.Include(o => o.Mailboxes).SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal("Griffie@Rechtbank.example", Assert.Single(organisation.Mailboxes).Address);
        Assert.Equal(1, await db.ApiCredentials.CountAsync(c => c.OrganisationId == organisation.Id, TestContext.Current.CancellationToken));
        // Nothing went to an SQLite file in the data directory.
        Assert.False(File.Exists(Path.Combine(_dataDirectory, "erds.db")));
    }
}
