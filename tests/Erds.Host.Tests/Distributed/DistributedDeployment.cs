using Erds.Host.Tests.Support;
using Npgsql;
using Xunit;

namespace Erds.Host.Tests.Distributed;

// The distributed mode as an operator runs it: one process per role, from the same binary, on
// RabbitMQ and a PostgreSQL database of its own, sharing a data directory (content, keys).
public sealed class DistributedDeployment : IAsyncDisposable
{
    private readonly Dictionary<string, HostProcess> _processes = [];
    private readonly string _database;
    private readonly string _adminConnection;

    private DistributedDeployment(string adminConnection, string database)
    {
        _adminConnection = adminConnection;
        _database = database;
        ConnectionString = new NpgsqlConnectionStringBuilder(adminConnection) { Database = database }.ConnectionString;
    }

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "erds-distributed-" + Guid.NewGuid().ToString("N"));
    public string ConnectionString { get; }
    public string RootCertificatePath => Path.Combine(DataDirectory, "pki", "root-ca.pem");
    public HostProcess Submission => _processes["submission"];
    public Party Court { get; private set; } = null!;
    public Party Firm { get; private set; } = null!;

    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["Erds__Bus__Transport"] = "RabbitMq",
        ["ConnectionStrings__RabbitMq"] = DistributedEnvironment.RabbitMq,
        ["Erds__Storage__Provider"] = "PostgreSql",
        ["ConnectionStrings__Erds"] = ConnectionString,
        ["Erds__LogFormat"] = "json",
        // The tests follow hundreds of messages' evidence from one token, as fast as they can.
        ["Erds__Limits__PerCredentialRequestsPerSecond"] = "0",
        ["Erds__Limits__MessagesPerDay"] = "0",
    };

    public static async Task<DistributedDeployment> StartAsync()
    {
        var admin = DistributedEnvironment.Postgres;
        var deployment = new DistributedDeployment(admin, "erds_" + Guid.NewGuid().ToString("N")[..12]);
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{deployment._database}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        await Broker.DeleteServiceQueuesAsync(DistributedEnvironment.RabbitMq);
        Directory.CreateDirectory(deployment.DataDirectory);
        try
        {
            // One after the other: the first migrates the database, the evidence service creates the keys.
            foreach (var role in new[] { "submission", "evidence", "consignment" }) await deployment.StartRoleAsync(role);
            (deployment.Court, deployment.Firm) = await deployment.SeedAsync();
        }
        catch
        {
            await deployment.DisposeAsync();
            throw;
        }
        return deployment;
    }

    public ErdsApi Api(Party party)
    {
        var client = new HttpClient { BaseAddress = Submission.BaseAddress, Timeout = TimeSpan.FromSeconds(100) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", party.Token);
        return new ErdsApi(client);
    }

    public HostProcess Process(string role) => _processes[role];

    public async Task StartRoleAsync(string role, IReadOnlyDictionary<string, string>? settings = null)
    {
        var environment = new Dictionary<string, string>(Environment) { ["Erds__Roles"] = role };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) environment[key] = value;
        _processes[role] = await HostProcess.StartAsync(environment, DataDirectory);
    }

    // kill -9 and start again, as a crashed pod is restarted.
    public async Task CrashAndRestartAsync(string role)
    {
        await _processes[role].KillAsync();
        await _processes[role].DisposeAsync();
        await StartRoleAsync(role);
    }

    private async Task<(Party Court, Party Firm)> SeedAsync()
    {
        var environment = new Dictionary<string, string>
        {
            ["ERDS_DATA_DIR"] = DataDirectory,
            ["ERDS_STORAGE_PROVIDER"] = "PostgreSql",
            ["ERDS_CONNECTION"] = ConnectionString,
        };
        async Task<string> Run(params string[] arguments)
        {
            var (exit, output) = await Cli.RunAsync(environment, arguments);
            Assert.True(exit == 0, $"erds {string.Join(' ', arguments)}: {output}");
            return output.Trim();
        }
        await Run("org", "add", "--handle", "rechtbank", "--name", "Rechtbank Amsterdam");
        await Run("mailbox", "add", "--org", "rechtbank", "--address", "griffie@rechtbank.example", "--functional");
        await Run("org", "add", "--handle", "advocaat", "--name", "Advocatenkantoor De Vries");
        await Run("mailbox", "add", "--org", "advocaat", "--address", "kantoor@advocaat.example");
        var court = await Run("token", "issue", "--org", "rechtbank", "--assurance", "substantial");
        var firm = await Run("token", "issue", "--org", "advocaat", "--assurance", "substantial");
        return (new Party("rechtbank", "griffie@rechtbank.example", court), new Party("advocaat", "kantoor@advocaat.example", firm));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes.Values) await process.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using (var connection = new NpgsqlConnection(_adminConnection))
        {
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
    }
}
