namespace EdgeNode.Fleet.Broker.Tls;

/// <summary>
/// What Mosquitto's TLS listener is given (PEM files), and the authority nodes must trust to verify the broker.
/// </summary>
/// <param name="CertificateFile">The broker's certificate, followed by any intermediates.</param>
/// <param name="KeyFile">Its private key, readable by the fleet's user only.</param>
/// <param name="AuthorityFile">The CA certificate nodes are given at enrolment.</param>
public sealed record BrokerTlsFiles(string CertificateFile, string KeyFile, string AuthorityFile);
