using System.CommandLine;
using System.Globalization;
using EdgeNode.Fleet.Audit;
using EdgeNode.Fleet.Broker;
using EdgeNode.Fleet.Broker.Accounts;
using EdgeNode.Fleet.Storage;

namespace EdgeNode.Fleet.Registry;

/// <summary>
/// <c>EdgeNode.Fleet nodes …</c>: the admin's enrolment commands, run on the fleet's server with the fleet's own
/// configuration (appsettings.json, Fleet__… environment variables) while the fleet runs, since they reach the broker
/// it supervises. The same <see cref="NodeEnrolment"/> serves the staff panel.
/// </summary>
public static class NodesCommandLine
{
    public const string Verb = "nodes";

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var root = new RootCommand("EdgeNode fleet: node administration");
        var nodes = new Command(Verb, "Enrol nodes, disable, enable or remove them, rotate their credential.");
        root.Subcommands.Add(nodes);

        var id = new Argument<string>("id") { Description = "The node id: a-z, 0-9 and inner hyphens, at most 48 characters" };
        var output_ = new Option<string>("--output") { Description = "Directory to write fleet.json and fleet-ca.pem into, for the node's /etc/edgenode/", Required = true };
        var name = new Option<string>("--name") { Description = "What staff and citizens call the node (\"École Jules-Ferry\")", Required = true };
        var municipality = new Option<string>("--municipality") { Description = "The commune it stands in", Required = true };
        var lamppost = new Option<string>("--lamppost") { Description = "The municipality's reference of the lamppost", DefaultValueFactory = _ => "" };
        var latitude = new Option<double?>("--latitude") { Description = "WGS 84 degrees" };
        var longitude = new Option<double?>("--longitude") { Description = "WGS 84 degrees" };

        var enrol = new Command("enrol", "Enrol a node: creates its identity and credential, writes what the node needs.") { id, name, municipality, lamppost, latitude, longitude, output_ };
        enrol.SetAction((result, ct) => WithEnrolmentAsync(output, ct, async (enrolment, _) =>
        {
            var request = new NodeEnrolmentRequest(result.GetValue(id)!, result.GetValue(name)!, result.GetValue(municipality)!, result.GetValue(lamppost)!, result.GetValue(latitude), result.GetValue(longitude));
            NodeEnrolmentResult enrolled = await enrolment.EnrolAsync(request, Actor, ct);
            return Handed(output, enrolled, result.GetValue(output_)!, "enrolled");
        }));

        var rotate = new Command("rotate", "Give a node a new secret; the old one stops working at once.") { id, output_ };
        rotate.SetAction((result, ct) => WithEnrolmentAsync(output, ct, async (enrolment, _) =>
            Handed(output, await enrolment.RotateAsync(result.GetValue(id)!, Actor, ct), result.GetValue(output_)!, "given a new secret")));

        var disable = new Command("disable", "Cut a node off at the broker now; its account is kept.") { id };
        disable.SetAction((result, ct) => WithEnrolmentAsync(output, ct, async (enrolment, _) =>
        {
            await enrolment.DisableAsync(result.GetValue(id)!, Actor, ct);
            output.WriteLine($"Node {result.GetValue(id)} disabled: the broker refuses it until it is enabled.");
            return 0;
        }));

        var enable = new Command("enable", "Let a disabled node in again.") { id };
        enable.SetAction((result, ct) => WithEnrolmentAsync(output, ct, async (enrolment, _) =>
        {
            await enrolment.EnableAsync(result.GetValue(id)!, Actor, ct);
            output.WriteLine($"Node {result.GetValue(id)} enabled.");
            return 0;
        }));

        var remove = new Command("remove", "Delete a node's account (cutting it off) and forget it; its measurements stay.") { id };
        remove.SetAction((result, ct) => WithEnrolmentAsync(output, ct, async (enrolment, _) =>
        {
            await enrolment.RemoveAsync(result.GetValue(id)!, Actor, ct);
            output.WriteLine($"Node {result.GetValue(id)} removed.");
            return 0;
        }));

        var list = new Command("list", "The enrolled nodes.");
        list.SetAction((result, ct) => WithEnrolmentAsync(output, ct, async (_, services) =>
        {
            foreach (RegisteredNode node in await services.GetRequiredService<INodeRegistryStore>().ListAsync(ct))
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{node.Id}\t{(node.Enabled ? "enabled" : "disabled")}\t{node.Municipality}\t{node.Name}\t{node.LampPostId}\t{node.Latitude} {node.Longitude}"));
            }

            return 0;
        }));

        nodes.Subcommands.Add(enrol);
        nodes.Subcommands.Add(rotate);
        nodes.Subcommands.Add(disable);
        nodes.Subcommands.Add(enable);
        nodes.Subcommands.Add(remove);
        nodes.Subcommands.Add(list);
        return await root.Parse(args).InvokeAsync();
    }

    /// <summary>Who the log and audit name for a command-line action: the server account that ran it.</summary>
    private static string Actor => $"{Environment.UserName} (command line)";

    private static int Handed(TextWriter output, NodeEnrolmentResult result, string directory, string what)
    {
        result.Bundle.WriteTo(directory);
        output.WriteLine($"Node {result.Node.Id} {what}.");
        output.WriteLine($"Copy {Path.Combine(directory, NodeEnrolmentBundle.ConfigurationFileName)} and {Path.Combine(directory, NodeEnrolmentBundle.AuthorityFileName)} to /etc/edgenode/ on the node, then restart it (systemctl restart edgenode).");
        output.WriteLine($"{NodeEnrolmentBundle.ConfigurationFileName} holds the node's secret: it is written nowhere else, and the fleet keeps only its hash.");
        return 0;
    }

    private static async Task<int> WithEnrolmentAsync(TextWriter output, CancellationToken ct, Func<NodeEnrolment, IServiceProvider, Task<int>> action)
    {
        WebApplicationBuilder builder = WebApplication.CreateBuilder();
        if (NodesCommandSettings.Problem(builder.Configuration) is { } missing)
        {
            output.WriteLine(missing);
            return 2;
        }

        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddFleetStorage();
        builder.AddFleetBroker();
        builder.AddFleetRegistry();
        builder.AddFleetAudit();
        await using WebApplication app = builder.Build();
        try
        {
            await app.Services.GetRequiredService<IFleetStore>().InitialiseAsync(ct);
            return await action(app.Services.GetRequiredService<NodeEnrolment>(), app.Services);
        }
        catch (InvalidEnrolmentException exception)
        {
            foreach (string problem in exception.Problems)
            {
                output.WriteLine(problem);
            }

            return 2;
        }
        catch (Exception exception) when (exception is NodeAlreadyRegisteredException or UnknownNodeException)
        {
            output.WriteLine(exception.Message);
            return 2;
        }
        catch (Exception exception) when (exception is BrokerCommandRefusedException or TimeoutException or InvalidOperationException or FleetStoreException or IOException or UnauthorizedAccessException)
        {
            output.WriteLine(exception.Message);
            return 1;
        }
    }
}
