using Microsoft.AspNetCore.Http.Features;

namespace Xuc.Host.WebSocket;

/// <summary>
/// The upgrade of a CTI request, handing the WebSocket middleware a <see cref="CtiTransport"/> over the connection's
/// stream instead of the stream itself; the handshake stays the framework's. Installed by
/// <see cref="CtiEndpoint.UseCtiTransport"/> before <c>UseWebSockets</c>, which takes the upgrade feature it finds.
/// </summary>
public sealed class CtiUpgrade(IHttpUpgradeFeature inner) : IHttpUpgradeFeature
{
    public bool IsUpgradableRequest => inner.IsUpgradableRequest;

    /// <summary>The upgraded connection, once <see cref="UpgradeAsync"/> ran.</summary>
    public CtiTransport? Transport { get; private set; }

    public async Task<Stream> UpgradeAsync() => Transport = new CtiTransport(await inner.UpgradeAsync());
}
