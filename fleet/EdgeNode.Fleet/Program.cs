using EdgeNode.Fleet.Ingest;
using EdgeNode.Fleet.Storage;

WebApplicationBuilder builder = WebApplication.CreateBuilder(args);
builder.AddFleetStorage();
builder.AddFleetIngest();

WebApplication app = builder.Build();
app.MapHealthChecks("/health");
app.Run();

/// <summary>Visible to tests (WebApplicationFactory) and nothing else.</summary>
public partial class Program;
