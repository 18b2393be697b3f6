using System.Net;
using Xuc.PbxSim.Model;

namespace Xuc.PbxSim;

public sealed record PbxSimOptions
{
    /// <summary>AMI port; 0 picks a free one (see <see cref="PbxSimulator.Port"/>).</summary>
    public int Port { get; init; } = 5038;
    public IPAddress Bind { get; init; } = IPAddress.Loopback;
    /// <summary>manager.conf users: username → secret.</summary>
    public IReadOnlyDictionary<string, string> ManagerUsers { get; init; } = new Dictionary<string, string> { ["xuc"] = "xucpass" };
    /// <summary>The AMI version in the banner and CoreSettings: Asterisk 18's <c>7.0.3</c> (the default), or Asterisk 22's <c>11.0.0</c>.</summary>
    public string AmiVersion { get; init; } = "7.0.3";
    /// <summary>CoreSettings' AsteriskVersion: the release that announces <see cref="AmiVersion"/>.</summary>
    public string AsteriskVersion => AmiVersion.StartsWith("11.", StringComparison.Ordinal) ? "22.10.1" : "18.26.4";
    /// <summary>PJSIP (default) or SIP for chan_sip channel naming.</summary>
    public string ChannelTech { get; init; } = "PJSIP";
    /// <summary>A client that stops reading is disconnected once this many messages are queued for it.</summary>
    public int MaxQueuedPerClient { get; init; } = 500_000;
    /// <summary>Event volume: realistic (default, as a real Asterisk 18) or minimal (the events state is derived from).</summary>
    public SimEventLevel Events { get; init; } = SimEventLevel.Realistic;
    /// <summary>asterisk.conf <c>systemname</c> (empty: none): Uniqueids become <c>name-epoch.seq</c>, events carry <c>SystemName</c>.</summary>
    public string SystemName { get; init; } = "";
    /// <summary>The PBX's clock (hold and talk times, Uniqueids); the system's unless a test moves it by hand.</summary>
    public TimeProvider? Clock { get; init; }
}
