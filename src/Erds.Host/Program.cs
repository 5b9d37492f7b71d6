using Erds.Consignment;
using Erds.EvidenceService;
using Erds.Persistence;
using Erds.ServiceDefaults;
using Erds.Submission;

// One binary for every deployment. By default (the embedded provider) all services run in this
// process on SQLite and the in-memory bus, with a development PKI generated on first start.
// Erds:Roles, Erds:Bus and Erds:Storage make it one service of the distributed mode instead.
var builder = WebApplication.CreateBuilder(args);
var roles = ErdsRoles.From(builder.Configuration);
builder.AddServiceDefaults();
builder.AddErdsPersistence();
builder.AddOutboxDispatcher();
if (roles.Submission) builder.AddSubmissionApi();
if (roles.Evidence) builder.AddEvidenceService();
if (roles.Consignment) builder.AddConsignment();
builder.AddErdsBus(bus =>
{
    if (roles.Evidence) bus.AddEvidenceConsumers();
    if (roles.Consignment) bus.AddConsignmentConsumers();
});

var app = builder.Build();
app.UseRequestCorrelation();
app.MapDefaultEndpoints();
if (roles.Submission) app.MapSubmissionApi();
app.Run();

public partial class Program;
