using Xuc.PbxSim.Protocol;

namespace Xuc.PbxSim.Model;

/// <summary>
/// app_chanspy.c (branch 18): an answered channel running ChanSpy looks for a channel matching its spec, spies on it
/// (ChanSpyStart: the spyer's and the spyee's snapshots, manager_channels.c channel_chanspy_start_cb), and when the
/// spying ends (ChanSpyStop: the spyer hung up, or the spyee hung up) either exits (option E; S when nothing is left) or
/// goes back to looking for another matching channel (common_exec's loop), which is Asterisk's default.
/// </summary>
public sealed partial class PbxModel
{
    /// <summary>The channels running ChanSpy (so a PBX without any pays nothing per channel event).</summary>
    private readonly HashSet<SimChannel> _spyers = [];

    private bool AnySpyWaiting => _spyers.Count > 0 && _spyers.Any(c => c.Spy is { Spyee: null });

    /// <summary>The originated channel answered and runs ChanSpy(data).</summary>
    private void RunChanSpy(SimChannel spyer, string data)
    {
        spyer.Application = "ChanSpy";
        spyer.ApplicationData = data;
        spyer.Spy = ChanSpy.Parse(data);
        _spyers.Add(spyer);
        LookForSpyees();
    }

    /// <summary>
    /// Every ChanSpy waiting for a channel takes the first that fits (common_exec re-scans every 100 ms; the model
    /// re-scans when a channel appears or enters a bridge): not itself, not a channel that is spying, bridged with <c>b</c>.
    /// </summary>
    private void LookForSpyees()
    {
        foreach (var spyer in _spyers.Where(c => c.Spy is { Spyee: null }).OrderBy(c => c.Created).ToList())
        {
            var spy = spyer.Spy!;
            var spyee = _channels.Values.Where(c => c != spyer && c.Spy is null && spy.Matches(c) && (!spy.BridgedOnly || c.Bridge is not null))
                .OrderBy(c => c.Created).FirstOrDefault();
            if (spyee is null) continue;
            spy.Spyee = spyee;
            // ast_audiohook_attach: the spyee now has an audiohook list (MixMonitorMute no longer fails on it).
            spyee.Audiohooks = true;
            Emit(ChannelBlock(ChannelBlock(AmiText.Event("ChanSpyStart", "call,all"), spyer, "Spyer"), spyee, "Spyee"));
        }
    }

    /// <summary>channel_spy's end: ChanSpyStop with both snapshots as they are now (the spyee's is still in the cache: the spyer's autochan holds it).</summary>
    private void StopSpying(SimChannel spyer)
    {
        if (spyer.Spy?.Spyee is not { } spyee) return;
        spyer.Spy.Spyee = null;
        Emit(ChannelBlock(ChannelBlock(AmiText.Event("ChanSpyStop", "call,all"), spyer, "Spyer"), spyee, "Spyee"));
    }

    /// <summary>
    /// A channel being torn down, before its Hangup event: ChanSpy on it ends; ChanSpys spying on it stop, and those
    /// with <c>E</c> (or <c>S</c> when no other channel fits) exit, which hangs their channel up after this one.
    /// </summary>
    private List<SimChannel> SpyingEnds(SimChannel c)
    {
        var exiting = new List<SimChannel>();
        if (_spyers.Count == 0) return exiting;
        StopSpying(c);
        c.Spy = null;
        _spyers.Remove(c);
        foreach (var spyer in _spyers.Where(x => x.Spy?.Spyee == c).OrderBy(x => x.Created).ToList())
        {
            StopSpying(spyer);
            var spy = spyer.Spy!;
            if (spy.ExitOnHangup || (spy.StopWhenNone && !_channels.Values.Any(x => x != c && x != spyer && x.Spy is null && spy.Matches(x))))
                exiting.Add(spyer);
        }
        return exiting;
    }
}
