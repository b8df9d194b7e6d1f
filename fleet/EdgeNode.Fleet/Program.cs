using EdgeNode.Fleet.Audit;
using EdgeNode.Fleet.Broker;
using EdgeNode.Fleet.Health;
using EdgeNode.Fleet.Ingest;
using EdgeNode.Fleet.Staff;
using EdgeNode.Fleet.Storage;

WebApplicationBuilder builder = WebApplication.CreateBuilder(args);
builder.AddFleetStorage();
builder.AddFleetBroker();
builder.AddFleetIngest();
builder.AddFleetAudit();
builder.AddFleetStaff();

WebApplication app = builder.Build();
app.MapFleetHealth();
app.MapFleetStaff();
app.Run();

/// <summary>Visible to tests (WebApplicationFactory) and nothing else.</summary>
public partial class Program;
