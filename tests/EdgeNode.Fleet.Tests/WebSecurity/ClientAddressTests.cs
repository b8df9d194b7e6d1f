using System.Net;
using EdgeNode.Fleet.WebSecurity;
using Microsoft.AspNetCore.Http;

namespace EdgeNode.Fleet.Tests.WebSecurity;

/// <summary>Who a request counts against: an IPv4 address, or an IPv6 /64 (one line's whole allocation).</summary>
public sealed class ClientAddressTests
{
    [Theory]
    [InlineData("198.51.100.7", "198.51.100.7")]
    [InlineData("::ffff:198.51.100.7", "198.51.100.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:3::1", "2001:db8:1:3::/64")]
    [InlineData("::1", "::1")]
    public void The_key_is_the_IPv4_address_or_the_IPv6_slash_64(string address, string key)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(address);

        Assert.Equal(key, ClientAddress.RateLimitKey(context));
    }

    [Fact]
    public void Without_an_address_every_such_request_shares_one_key()
    {
        Assert.Equal(ClientAddress.RateLimitKey(new DefaultHttpContext()), ClientAddress.RateLimitKey(new DefaultHttpContext()));
    }
}
