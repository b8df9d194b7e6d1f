using EdgeNode.Fleet.Broker;
using EdgeNode.Fleet.Health;
using EdgeNode.Fleet.Ingest;
using EdgeNode.Fleet.OpenData;
using EdgeNode.Fleet.Public;
using EdgeNode.Fleet.Storage;

WebApplicationBuilder builder = WebApplication.CreateBuilder(args);
builder.AddFleetStorage();
builder.AddFleetBroker();
builder.AddFleetIngest();
builder.AddFleetPublic();
builder.AddFleetOpenData();

WebApplication app = builder.Build();
app.MapFleetHealth();
app.MapFleetPublic();
app.MapFleetOpenData();
app.Run();

/// <summary>Visible to tests (WebApplicationFactory) and nothing else.</summary>
public partial class Program;
