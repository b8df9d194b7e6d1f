using EdgeNode.Fleet.Audit;
using EdgeNode.Fleet.Broker;
using EdgeNode.Fleet.Calibration;
using EdgeNode.Fleet.Health;
using EdgeNode.Fleet.Ingest;
using EdgeNode.Fleet.Localisation;
using EdgeNode.Fleet.Logging;
using EdgeNode.Fleet.Monitoring;
using EdgeNode.Fleet.OpenData;
using EdgeNode.Fleet.Public;
using EdgeNode.Fleet.Registry;
using EdgeNode.Fleet.Staff;
using EdgeNode.Fleet.Storage;
using EdgeNode.Fleet.WebSecurity;

if (args is [NodesCommandLine.Verb, ..])
{
    return await NodesCommandLine.RunAsync(args, Console.Out);
}

WebApplicationBuilder builder = WebApplication.CreateBuilder(args);
builder.AddFleetLogging();
builder.AddFleetWebSecurity();
builder.AddFleetStorage();
builder.AddFleetBroker();
builder.AddFleetIngest();
builder.AddFleetRegistry();
builder.AddFleetAudit();
builder.AddFleetLocalisation();
builder.AddFleetStaff();
builder.AddFleetPublic();
builder.AddFleetOpenData();
builder.AddFleetMonitoring();
builder.AddFleetCalibration();

WebApplication app = builder.Build();

// Before anything reads the client's address or writes a response: forwarded headers, then the security headers.
app.UseFleetWebSecurity();
app.MapFleetHealth();

// Public first: its static files and rate limit answer before sign-in is looked at.
app.MapFleetPublic();
app.MapFleetOpenData();
app.MapFleetStaff();
app.MapFleetMonitoring();
await app.RunAsync();
return 0;

/// <summary>Visible to tests (WebApplicationFactory) and nothing else.</summary>
public partial class Program;
