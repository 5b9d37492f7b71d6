using Erds.Consignment;
using Erds.EvidenceService;
using Erds.Persistence;
using Erds.ServiceDefaults;
using Erds.Submission;

// The embedded provider: every service in one process, on SQLite and MassTransit's in-memory bus,
// with a development PKI and timestamp authority generated on first start.
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddErdsPersistence();
builder.AddOutboxDispatcher();
builder.AddEvidenceService();
builder.AddConsignment();
builder.AddSubmissionApi();
builder.AddInMemoryBus(bus =>
{
    bus.AddEvidenceConsumers();
    bus.AddConsignmentConsumers();
});

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapSubmissionApi();
app.Run();

public partial class Program;
