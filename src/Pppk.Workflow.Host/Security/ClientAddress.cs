using System.Net;
using System.Net.Sockets;

namespace Pppk.Workflow.Host.Security;

/// <summary>Who a client is for throttling: its network address, as the connection (or a trusted proxy) gives it.</summary>
public static class ClientAddress
{
    /// <summary>An IPv4 address, or an IPv6 address's /64 network: one IPv6 client commonly holds a whole /64.</summary>
    public static string Of(HttpContext http)
    {
        var address = http.Connection.RemoteIpAddress;
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6 || IPAddress.IsLoopback(address)) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
