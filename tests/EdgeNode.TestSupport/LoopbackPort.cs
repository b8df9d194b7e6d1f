using System.Net;
using System.Net.Sockets;

namespace EdgeNode.TestSupport;

/// <summary>
/// Loopback ports for the servers tests start as child processes (Mosquitto, PostgreSQL, the fleet). Such a server
/// cannot be handed an already bound socket, so a port the OS says is free is chosen and the server binds it a moment
/// later; another process can take it in between. <see cref="StartOnFreePortAsync{T}"/> closes that race by starting
/// again on another port when the server reports the port taken.
/// </summary>
public static class LoopbackPort
{
    /// <summary>How many ports are tried before giving up: several losses in a row mean something else is wrong.</summary>
    public const int Attempts = 5;

    /// <summary>A loopback port nobody listens on right now (the OS picks it); nothing keeps it free afterwards.</summary>
    public static int Free()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    /// <summary>
    /// Whether a server's output says a port it was to bind is held by another process: Kestrel's "address already in
    /// use" and Mosquitto's "Address already in use" (the fleet repeats its supervised Mosquitto's last lines).
    /// </summary>
    public static bool TakenIn(string output) => output.Contains("address already in use", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Starts a server on a free port, and on another one each time <paramref name="start"/> throws
    /// <see cref="PortTakenException"/>, at most <see cref="Attempts"/> times.
    /// </summary>
    /// <param name="start">Starts the server on the given port; throws <see cref="PortTakenException"/>, having cleaned up,
    /// when the server could not bind it.</param>
    /// <param name="choosePort">Where ports come from; <see cref="Free"/> by default (a test of the race passes a taken one).</param>
    public static async Task<T> StartOnFreePortAsync<T>(Func<int, Task<T>> start, Func<int>? choosePort = null)
    {
        choosePort ??= Free;
        var taken = new List<int>();
        for (int attempt = 1; ; attempt++)
        {
            int port = choosePort();
            try
            {
                return await start(port);
            }
            catch (PortTakenException) when (attempt < Attempts)
            {
                taken.Add(port);
            }
            catch (PortTakenException e)
            {
                taken.Add(port);
                throw new PortTakenException(
                    $"Ports {string.Join(", ", taken)} were each taken by another process between choosing and binding them; " +
                    $"is something on this machine opening loopback ports in a loop? Last refusal: {e.Message}", e);
            }
        }
    }
}
