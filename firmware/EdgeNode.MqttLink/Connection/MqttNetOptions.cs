using System.Net;
using System.Security.Cryptography.X509Certificates;
using EdgeNode.MqttLink.Tls;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace EdgeNode.MqttLink.Connection;

/// <summary>Our options in MQTTnet's terms: MQTT 5, our counted TCP stream, the pinned CA, the will, session expiry.</summary>
internal static class MqttNetOptions
{
    public static MQTTnet.MqttClientOptions From(MqttClientOptions options, CountingStreamProvider streams, PinnedAuthorityValidator? validator)
    {
        var tls = new MqttClientTlsOptions { UseTls = false };
        if (options.Tls is { } pinned && validator is not null)
        {
            tls = new MqttClientTlsOptions
            {
                UseTls = true,
                TargetHost = pinned.TargetHost ?? options.Host,
                // MQTTnet builds the chain against these roots only; our validator then says in words why it refused.
                TrustChain = pinned.TrustedAuthorities,
                CertificateValidationHandler = validator.Validate,
                // Revocation is not checked: nodes are often offline and the CA is the fleet's own (see PinnedAuthorityValidator).
                RevocationMode = X509RevocationMode.NoCheck,
                IgnoreCertificateRevocationErrors = true,
            };
        }

        var mqttnet = new MQTTnet.MqttClientOptions
        {
            ProtocolVersion = MqttProtocolVersion.V500,
            ClientId = options.ClientId,
            CleanSession = options.CleanSession,
            // Zero would end the session at every disconnect (MQTT 5 3.1.2.11.2): a persistent session needs a lifetime.
            SessionExpiryInterval = options.CleanSession ? 0 : (uint)options.SessionExpiry.TotalSeconds,
            KeepAlivePeriod = options.KeepAlive,
            Timeout = options.ConnectTimeout,
            // One write per packet: MQTTnet otherwise writes a PUBLISH's header and payload apart, and over TLS each
            // write is a record of its own (22 bytes more per publish on a metered link).
            AllowPacketFragmentation = false,
            ChannelOptions = new MqttClientTcpOptions
            {
                RemoteEndpoint = new DnsEndPoint(options.Host, options.Port),
                StreamProvider = streams,
                TlsOptions = tls,
            },
        };
        if (options.Username is not null)
        {
            mqttnet.Credentials = new MqttClientCredentials(options.Username, options.Password is null ? null : System.Text.Encoding.UTF8.GetBytes(options.Password));
        }

        if (options.Will is { } will)
        {
            mqttnet.WillTopic = will.Topic;
            mqttnet.WillPayload = will.Payload.ToArray();
            mqttnet.WillQualityOfServiceLevel = (MqttQualityOfServiceLevel)will.QualityOfService;
            mqttnet.WillRetain = will.Retain;
        }
        return mqttnet;
    }
}
