using System.Net;
using System.Net.Sockets;

namespace NetwerkLive.Server.Limits;

/// <summary>Who a request comes from, as the limits count it.</summary>
public static class ClientAddress
{
    private const string Unknown = "unknown";

    /// <summary>
    /// The client's address (after X-Forwarded-For from a known proxy was applied). An IPv6 client counts by
    /// its /64: one subscriber usually gets a whole /64, so counting single addresses would give them millions.
    /// </summary>
    public static string Of(HttpContext? http)
    {
        var address = http?.Connection.RemoteIpAddress;
        if (address is null)
        {
            return Unknown;
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
