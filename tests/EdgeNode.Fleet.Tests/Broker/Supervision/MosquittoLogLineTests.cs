using EdgeNode.Fleet.Broker.Supervision;
using Microsoft.Extensions.Logging;

namespace EdgeNode.Fleet.Tests.Broker.Supervision;

/// <summary>How loud Mosquitto's lines are in the fleet's log (lines as Mosquitto 2.0.11 prints them).</summary>
public sealed class MosquittoLogLineTests
{
    [Theory]
    [InlineData("dynsec: fleet.admin/fleet.admin | listClients | verbose=true | count=998 | offset=0", LogLevel.Debug)]
    [InlineData("dynsec: fleet.admin/fleet.admin | getClient | username=orphan-1", LogLevel.Debug)]
    [InlineData("dynsec: fleet.admin/fleet.admin | deleteClient | username=orphan-1", LogLevel.Information)]
    [InlineData("dynsec: fleet.admin/fleet.admin | disableClient | username=n1", LogLevel.Information)]
    [InlineData("New client connected from 127.0.0.1:47100 as fleet.admin (p2, c1, k30, u'fleet.admin').", LogLevel.Debug)]
    [InlineData("mosquitto version 2.0.11 running", LogLevel.Information)]
    [InlineData("Error: Address already in use", LogLevel.Warning)]
    public void Reads_are_quiet_and_changes_are_not(string line, LogLevel level) =>
        Assert.Equal(level, MosquittoLogLine.LevelOf(line));
}
