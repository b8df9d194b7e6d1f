using EdgeNode.Fleet.Broker.Session;
using EdgeNode.MqttLink;
using Microsoft.Extensions.Options;

namespace EdgeNode.Fleet.Broker.Accounts;

/// <summary>
/// The fleet's one admin connection to its broker, opened on first use and kept: to the supervised broker over TLS at
/// 127.0.0.1 with the credential the fleet made for it, or to an external broker with
/// Fleet:Broker:AdminUsername/AdminPassword.
/// </summary>
public sealed class BrokerAdministration(
    IOptions<LocalBrokerOptions> local,
    IOptions<FleetBrokerOptions> broker,
    IOptions<FleetDataOptions> data,
    ILoggerFactory loggerFactory) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private BrokerAccounts? _accounts;

    // Unique per process: the fleet service keeps its admin connection open (reconciliation), and a broker drops the
    // older of two connections with one client id, so a `nodes` command beside it would cut it off, and back.
    private readonly string _clientId = "fleet.admin." + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4));

    /// <summary>The plugin admin's user name: an account the fleet never treats as a node's.</summary>
    public string AdminUsername => local.Value.Mode == BrokerMode.Supervised ? BrokerCredential.AdminUsername : broker.Value.AdminUsername;

    /// <summary>
    /// Null when the fleet has an admin credential for its broker (always for the supervised one), else why not, naming
    /// the settings.
    /// </summary>
    public string? MissingAdmin()
    {
        FleetBrokerOptions external = broker.Value;
        return local.Value.Mode == BrokerMode.Supervised || external.AdminPassword.Length > 0
            ? null
            : $"The fleet cannot manage node accounts on the external broker {external.Host}:{external.Port}: set {FleetBrokerOptions.SectionName}:AdminUsername and AdminPassword to the dynamic-security plugin's admin, or run the broker supervised ({LocalBrokerOptions.SectionName}:Mode=Supervised).";
    }

    /// <summary>The started control client.</summary>
    /// <exception cref="InvalidOperationException">No admin credential is configured for an external broker.</exception>
    /// <exception cref="TimeoutException">The broker did not let the admin in, with the reason.</exception>
    public async Task<BrokerAccounts> AccountsAsync(CancellationToken ct)
    {
        if (_accounts is { } ready)
        {
            return ready;
        }

        await _gate.WaitAsync(ct);
        try
        {
            if (_accounts is null)
            {
                var accounts = new BrokerAccounts(Options(), loggerFactory.CreateLogger<BrokerAccounts>(), loggerFactory.CreateLogger<MqttClient>());
                try
                {
                    await accounts.StartAsync(ct);
                }
                catch
                {
                    await accounts.DisposeAsync();
                    throw;
                }

                _accounts = accounts;
            }

            return _accounts;
        }
        finally
        {
            _gate.Release();
        }
    }

    private BrokerAccountsOptions Options()
    {
        if (local.Value.Mode == BrokerMode.Supervised)
        {
            // Where and how ingest reaches the supervised broker (TLS at 127.0.0.1, FleetBrokerRegistration), as its admin.
            FleetBrokerOptions supervised = broker.Value;
            return new BrokerAccountsOptions
            {
                Host = supervised.Host,
                Port = supervised.Port,
                ClientId = _clientId,
                Admin = FleetBrokerSecrets.LoadOrCreate(data.Value.BrokerDirectory).Admin,
                Tls = supervised.Tls(),
            };
        }

        if (MissingAdmin() is { } missing)
        {
            throw new InvalidOperationException(missing);
        }

        FleetBrokerOptions external = broker.Value;
        return new BrokerAccountsOptions
        {
            Host = external.Host,
            Port = external.Port,
            ClientId = _clientId,
            Admin = new BrokerCredential(external.AdminUsername, external.AdminPassword),
            Tls = external.Tls(),
        };
    }

    public async ValueTask DisposeAsync()
    {
        if (_accounts is not null)
        {
            await _accounts.DisposeAsync();
        }

        _gate.Dispose();
    }
}
