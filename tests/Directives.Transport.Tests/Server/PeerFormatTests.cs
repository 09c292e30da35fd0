using System.Net;
using Grpc.AspNetCore.Server;
using Grpc.AspNetCore.Server.Internal;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace Directives.Transport.Tests.Server;

/// <summary>ServerCallContext.Peer in the gRPC address form, for both address families.</summary>
public class PeerFormatTests
{
    [Theory]
    [InlineData("127.0.0.1", 5123, "ipv4:127.0.0.1:5123")]
    [InlineData("::1", 443, "ipv6:[::1]:443")]
    [InlineData("::ffff:10.0.0.7", 80, "ipv4:10.0.0.7:80")]
    [InlineData("fe80::1", 9, "ipv6:[fe80::1]:9")]
    public void PeerIsFormattedByAddressFamily(string address, int port, string expected)
    {
        var httpContext = new DefaultHttpContext();
        httpContext.Connection.RemoteIpAddress = IPAddress.Parse(address);
        httpContext.Connection.RemotePort = port;
        var context = new HttpContextServerCallContext(httpContext, new ServerCallSettings(new GrpcServiceOptions(), NullLogger.Instance), "/s/m");

        Assert.Equal(expected, context.Peer);
    }
}
