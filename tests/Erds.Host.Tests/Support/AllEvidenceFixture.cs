using Xunit;

namespace Erds.Host.Tests.Support;

// One real end-to-end run that produces every evidence type this provider issues: a basic delivery
// handed over, a consent delivery accepted and one refused, a rejected submission, and two
// deliveries left to expire. The independent tools then check every file of it.
public sealed class AllEvidenceFixture : IAsyncLifetime
{
    private readonly ProviderFixture _fixture = new();

    public TestProvider Provider => _fixture.Provider;
    public List<EvidenceFile> Evidence { get; } = [];
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "erds-evidence-" + Guid.NewGuid().ToString("N"));

    public static readonly string[] IssuedEvents =
    [
        "SubmissionAcceptance", "SubmissionRejection", "ContentConsignment", "ConsignmentNotification", "ContentHandover",
        "NotificationForAcceptance", "ConsignmentAcceptance", "ConsignmentRejection", "AcceptanceRejectionExpiry", "ContentHandoverFailure",
    ];

    public async ValueTask InitializeAsync()
    {
        await _fixture.InitializeAsync();
        var p = _fixture.Parties;
        var court = _fixture.Court;
        var firm = _fixture.Firm;
        var deadline = Provider.Clock.GetUtcNow().AddDays(3);

        var basicMessage = TestMessage.Between(p.Court, p.Firm);
        var basic = await court.SubmitAcceptedAsync(basicMessage);
        _attachments[basic] = basicMessage.Attachments[0].Bytes;
        var accepted = await court.SubmitAcceptedAsync(TestMessage.Between(p.Court, p.Firm) with { Mode = "consent" });
        var refused = await court.SubmitAcceptedAsync(TestMessage.Between(p.Court, p.Firm) with { Mode = "consent" });
        var expiresBasic = await court.SubmitAcceptedAsync(TestMessage.Between(p.Court, p.Firm) with { ExpiresAt = deadline });
        var expiresConsent = await court.SubmitAcceptedAsync(TestMessage.Between(p.Court, p.Firm) with { ExpiresAt = deadline, Mode = "consent" });
        using (var rejected = await court.SubmitAsync(TestMessage.Between(p.Court, p.Firm) with { To = ["onbekend@nergens.example"] }))
        {
            var rejectedId = (await ErdsApi.ProblemAsync(rejected)).GetProperty("messageId").GetGuid();
            Evidence.AddRange(await court.WaitForEvidenceAsync(rejectedId, "SubmissionRejection"));
        }

        await court.WaitForEvidenceAsync(basic, "ConsignmentNotification");
        (await firm.Http.GetAsync($"/api/v1/inbox/{basic}/content")).Dispose();
        await court.WaitForEvidenceAsync(accepted, "NotificationForAcceptance");
        (await firm.Http.PostAsync($"/api/v1/inbox/{accepted}/accept", null)).Dispose();
        (await firm.Http.GetAsync($"/api/v1/inbox/{accepted}/content")).Dispose();
        await court.WaitForEvidenceAsync(refused, "NotificationForAcceptance");
        (await firm.Http.PostAsync($"/api/v1/inbox/{refused}/refuse", null)).Dispose();
        // Both consignment evidences, which are issued in either order, before the clock jumps.
        await court.WaitForEvidenceAsync(expiresBasic, "ContentConsignment", "ConsignmentNotification");
        await court.WaitForEvidenceAsync(expiresConsent, "NotificationForAcceptance");
        // Every evidence so far must be sealed before the clock jumps: one signed before the jump and
        // timestamped after it would fail TimeSanity (seen on a loaded machine).
        Evidence.AddRange(await court.WaitForEvidenceAsync(basic, "SubmissionAcceptance", "ContentConsignment", "ConsignmentNotification", "ContentHandover"));
        Evidence.AddRange(await court.WaitForEvidenceAsync(accepted, "NotificationForAcceptance", "ConsignmentAcceptance", "ContentConsignment", "ContentHandover"));
        Evidence.AddRange(await court.WaitForEvidenceAsync(refused, "ConsignmentRejection"));

        // A few days later nobody has picked up the last two.
        Provider.Clock.Advance(TimeSpan.FromDays(3) + TimeSpan.FromMinutes(1));
        await using (var scope = Provider.Database())
        {
            await scope.Get<Erds.Consignment.Expire.ExpiryService>().ExpireDueAsync(CancellationToken.None);
        }

        Evidence.AddRange(await court.WaitForEvidenceAsync(expiresBasic, "ContentHandoverFailure"));
        Evidence.AddRange(await court.WaitForEvidenceAsync(expiresConsent, "AcceptanceRejectionExpiry"));

        System.IO.Directory.CreateDirectory(Directory);
        foreach (var file in Evidence)
        {
            await File.WriteAllBytesAsync(PathOf(file), file.Xml);
        }
    }

    private readonly Dictionary<Guid, byte[]> _attachments = [];

    // The first attachment of the handed-over basic message, as the sender submitted it.
    public byte[] AttachmentOf(EvidenceFile file) =>
        (byte[])_attachments[Guid.Parse(Erds.Evidence.Xml.EvidenceXmlReader.Read(Erds.Evidence.Xml.SafeXml.Load(file.Xml)).MessageIdentifier!)].Clone();

    public string PathOf(EvidenceFile file) => Path.Combine(Directory, $"{file.Event}-{file.EvidenceId}.xml");

    public async ValueTask DisposeAsync()
    {
        await _fixture.DisposeAsync();
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { }
    }
}
