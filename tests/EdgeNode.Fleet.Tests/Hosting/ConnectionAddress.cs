using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace EdgeNode.Fleet.Tests.Hosting;

/// <summary>
/// Clients whose requests reach the in-process fleet from a given address, as a TCP connection from there would: the
/// test server has no connection, so its requests otherwise come from no address at all.
/// </summary>
internal static class ConnectionAddress
{
    /// <param name="cookies">Keep cookies between requests, as a browser does.</param>
    public static HttpClient ClientFrom(this WebApplicationFactory<Program> factory, IPAddress address, bool cookies = false)
    {
        HttpMessageHandler server = factory.Server.CreateHandler(context => context.Connection.RemoteIpAddress = address);
        return new HttpClient(cookies ? new CookieContainerHandler { InnerHandler = server } : server) { BaseAddress = new Uri("http://localhost") };
    }
}
