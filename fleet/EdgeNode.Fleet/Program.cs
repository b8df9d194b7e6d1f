using EdgeNode.Fleet.Broker;
using EdgeNode.Fleet.Health;
using EdgeNode.Fleet.Ingest;
using EdgeNode.Fleet.Storage;

WebApplicationBuilder builder = WebApplication.CreateBuilder(args);
builder.AddFleetStorage();
builder.AddFleetBroker();
builder.AddFleetIngest();

WebApplication app = builder.Build();
app.MapFleetHealth();
app.Run();

/// <summary>Visible to tests (WebApplicationFactory) and nothing else.</summary>
public partial class Program;
