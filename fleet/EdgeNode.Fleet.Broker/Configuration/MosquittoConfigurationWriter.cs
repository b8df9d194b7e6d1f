using System.Globalization;
using System.Text;
using EdgeNode.Fleet.Broker.Tls;

namespace EdgeNode.Fleet.Broker.Configuration;

/// <summary>
/// Writes mosquitto.conf for the supervised broker (Mosquitto 2.0; see mosquitto.conf(5)). The rules that keep nodes
/// safe are here and nowhere else: one listener, TLS 1.2 or later, for nodes and the fleet alike; no anonymous client.
/// There is no plain listener, not even on loopback: Mosquitto 2.0 applies one set of accounts to every listener (the
/// dynamic-security plugin cannot be confined to one without per_listener_settings, deprecated from 2.1, which would
/// also take $CONTROL off the other listener), so a listener "for the fleet only" would accept a node's credential too.
/// </summary>
public static class MosquittoConfigurationWriter
{
    public const string FileName = "mosquitto.conf";

    /// <summary>Directives an extra line may not carry: they would open a listener or let anonymous clients in.</summary>
    private static readonly string[] ReservedDirectives =
    [
        "listener", "port", "bind_address", "bind_interface", "socket_domain", "allow_anonymous", "per_listener_settings",
        "certfile", "keyfile", "cafile", "capath", "tls_version", "require_certificate", "protocol", "mount_point",
    ];

    public static string Render(MosquittoConfiguration configuration)
    {
        foreach (string line in configuration.ExtraLines)
        {
            CheckExtraLine(line);
        }
        var text = new StringBuilder();
        text.AppendLine("# Written by the EdgeNode fleet at every start of its supervised broker: edits here are lost.");
        text.AppendLine("# Change the fleet's settings (Fleet:Broker:*) instead.");
        text.AppendLine();
        // One set of security rules: nothing a listener could loosen on its own, should one ever be added.
        text.AppendLine("per_listener_settings false");
        text.AppendLine("allow_anonymous false");
        text.AppendLine(CultureInfo.InvariantCulture, $"max_packet_size {MosquittoConfiguration.MaximumPacketBytes}");
        // Mosquitto drops a client's QoS 1 messages past 1000 queued by default. The fleet is that client for every
        // node: after an outage hundreds of nodes drain their backlogs at once, and a fleet a few seconds behind
        // would lose them to the broker (the nodes would resend after their ack timeout, but only then). A larger
        // queue, bounded in bytes so that it cannot eat the server's memory, lets the fleet catch up instead.
        text.AppendLine(CultureInfo.InvariantCulture, $"max_queued_messages {MosquittoConfiguration.MaximumQueuedMessages}");
        text.AppendLine(CultureInfo.InvariantCulture, $"max_queued_bytes {MosquittoConfiguration.MaximumQueuedBytes}");
        text.AppendLine("persistence true");
        text.AppendLine(CultureInfo.InvariantCulture, $"persistence_location {WithTrailingSlash(configuration.PersistenceDirectory)}");
        // Mosquitto drops to this user before it reads anything but this file: the fleet's own user (no change), or when
        // the fleet is root an unprivileged account the fleet has given the files it needs.
        text.AppendLine(CultureInfo.InvariantCulture, $"user {configuration.RunAsUser}");
        // The fleet reads stderr line by line into its own log, which stamps the time.
        text.AppendLine("log_dest stderr");
        text.AppendLine("log_type error");
        text.AppendLine("log_type warning");
        text.AppendLine("log_type notice");
        text.AppendLine("log_type information");
        text.AppendLine("log_timestamp false");
        text.AppendLine("connection_messages true");
        if (configuration.ExtraLines.Count > 0)
        {
            text.AppendLine();
            foreach (string line in configuration.ExtraLines)
            {
                text.AppendLine(line);
            }
        }
        text.AppendLine();
        text.AppendLine("# Nodes, and the fleet itself at 127.0.0.1: MQTT over TLS on every address, the only listener.");
        text.AppendLine(CultureInfo.InvariantCulture, $"listener {configuration.TlsPort}");
        text.AppendLine(CultureInfo.InvariantCulture, $"certfile {configuration.Tls.CertificateFile}");
        text.AppendLine(CultureInfo.InvariantCulture, $"keyfile {configuration.Tls.KeyFile}");
        text.AppendLine(CultureInfo.InvariantCulture, $"cafile {configuration.Tls.AuthorityFile}");
        // "tlsv1.2" is Mosquitto's floor: TLS 1.2 and 1.3 are accepted, nothing older.
        text.AppendLine("tls_version tlsv1.2");
        // Clients prove who they are with their credential, not a certificate.
        text.AppendLine("require_certificate false");
        return text.ToString();
    }

    /// <summary>Writes the file into <paramref name="brokerDirectory"/>; returns its path.</summary>
    public static string Write(string brokerDirectory, MosquittoConfiguration configuration)
    {
        string path = Path.Combine(brokerDirectory, FileName);
        PrivateFile.WritePublic(path, Render(configuration));
        return path;
    }

    private static void CheckExtraLine(string line)
    {
        if (line.Contains('\n', StringComparison.Ordinal) || line.Contains('\r', StringComparison.Ordinal))
        {
            throw new ArgumentException($"An extra Mosquitto configuration line holds a line break: '{line}'. Give one directive per line.");
        }
        string directive = line.TrimStart().Split([' ', '\t'], 2)[0];
        if (ReservedDirectives.Contains(directive, StringComparer.Ordinal))
        {
            throw new ArgumentException(
                $"The extra Mosquitto configuration line '{line}' sets '{directive}', which only the fleet's configuration writer may set (listeners, TLS, anonymous access).");
        }
    }

    private static string WithTrailingSlash(string directory) =>
        directory.EndsWith('/') ? directory : directory + "/";
}
