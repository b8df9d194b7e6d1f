using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using EdgeNode.Mqtt.Tls;

namespace EdgeNode.Mqtt.Connection;

/// <summary>Opens the byte stream to the broker: TCP, counted, then TLS when configured.</summary>
internal static class NetworkTransport
{
    public static async Task<Stream> OpenAsync(MqttClientOptions options, MqttTrafficCounters counters, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(options.Host, options.Port, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            socket.Dispose();
            var reason = e is SocketException socketError ? $"{socketError.SocketErrorCode}: {socketError.Message}" : "TCP connect timed out";
            throw new MqttConnectFailedException(MqttConnectionFailure.Unreachable, $"{options.Host}:{options.Port}: {reason}", e);
        }

        Stream stream = new CountingStream(new NetworkStream(socket, ownsSocket: true), counters);
        if (options.Tls is not { } tls)
            return stream;

        var validator = new PinnedAuthorityValidator(tls.TrustedAuthorities);
        var ssl = new SslStream(stream, leaveInnerStreamOpen: false, validator.Validate);
        try
        {
            await ssl.AuthenticateAsClientAsync(
                new SslClientAuthenticationOptions
                {
                    TargetHost = tls.TargetHost ?? options.Host,
                    CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
                },
                cancellationToken).ConfigureAwait(false);
            return ssl;
        }
        catch (Exception e) when (e is AuthenticationException or IOException or OperationCanceledException)
        {
            await ssl.DisposeAsync().ConfigureAwait(false);
            var reason = validator.Failure ?? (e is OperationCanceledException ? "TLS handshake timed out" : e.Message);
            throw new MqttConnectFailedException(MqttConnectionFailure.TlsFailure, $"TLS with {tls.TargetHost ?? options.Host}: {reason}", e);
        }
    }
}
