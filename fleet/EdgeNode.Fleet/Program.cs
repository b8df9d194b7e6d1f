using EdgeNode.Fleet.Broker;
using EdgeNode.Fleet.Health;
using EdgeNode.Fleet.Ingest;
using EdgeNode.Fleet.Monitoring;
using EdgeNode.Fleet.Storage;

WebApplicationBuilder builder = WebApplication.CreateBuilder(args);
builder.AddFleetStorage();
builder.AddFleetBroker();
builder.AddFleetIngest();
builder.AddFleetMonitoring();

WebApplication app = builder.Build();
app.MapFleetHealth();
app.MapFleetMonitoring();
app.Run();

/// <summary>Visible to tests (WebApplicationFactory) and nothing else.</summary>
public partial class Program;
