using Xuc.Actors.Ami;
using Xuc.Actors.Messages.Events;

namespace Xuc.Tests.Actors;

/// <summary>The router's per-call memory (queue, attached data) and how it is sent to the lines, and forgotten.</summary>
public sealed class CallContextsTests
{
    private readonly CallContexts _calls = new();

    private static AmiEventData Chan(string name, string channel, string uid, string linked, params (string, string)[] more)
        => AmiEventData.Of(name, [("Channel", channel), ("Uniqueid", uid), ("Linkedid", linked), .. more]);

    [Theory]
    [InlineData("USR_DATA1", "USR_DATA1")]
    [InlineData("__USR_DATA1", "USR_DATA1")]
    [InlineData("_XIVO_SRCNUM", "XIVO_SRCNUM")]
    [InlineData("XIVO_CONTEXT", "XIVO_CONTEXT")]
    [InlineData("FROM_DID", null)]
    [InlineData("__usr_lower", null)]
    [InlineData("RTPAUDIOQOS", null)]
    public void Only_XIVO_and_USR_variables_are_kept_named_without_their_inheritance_prefix(string variable, string? kept)
        => Assert.Equal(kept, CallContexts.KeptName(variable));

    [Fact]
    public void A_queue_call_through_a_local_member_gives_the_phone_line_the_queue_and_data_and_is_forgotten_with_its_last_channel()
    {
        Assert.Empty(_calls.Observe(Chan("Newchannel", "PJSIP/trunk-00000001", "1.1", "1.1")));
        Assert.Equal([new LineCallContext("PJSIP/trunk", "1.1", null, new Dictionary<string, string> { ["USR_DATA1"] = "hello" })],
            _calls.Observe(Chan("VarSet", "PJSIP/trunk-00000001", "1.1", "1.1", ("Variable", "__USR_DATA1"), ("Value", "hello"))), new ContextComparer());
        Assert.Empty(_calls.Observe(Chan("VarSet", "PJSIP/trunk-00000001", "1.1", "1.1", ("Variable", "__FROM_DID"), ("Value", "3900"))));
        Assert.Single(_calls.Observe(Chan("QueueCallerJoin", "PJSIP/trunk-00000001", "1.1", "1.1", ("Queue", "hotline"))));
        // The Local pair and the phone its ;2 dials carry the caller's linkedid; a Local channel is no line.
        Assert.Empty(_calls.Observe(Chan("Newchannel", "Local/1001@agents-00000002;1", "1.2", "1.1")));
        Assert.Empty(_calls.Observe(Chan("Newchannel", "Local/1001@agents-00000002;2", "1.3", "1.1")));
        var joined = _calls.Observe(Chan("Newchannel", "PJSIP/1001-00000003", "1.4", "1.1"));
        Assert.Equal([new LineCallContext("PJSIP/1001", "1.1", "hotline", new Dictionary<string, string> { ["USR_DATA1"] = "hello" })], joined, new ContextComparer());

        // Data set later on any channel of the call goes to every line in it; the same value again to none.
        var later = _calls.Observe(Chan("VarSet", "Local/1001@agents-00000002;2", "1.3", "1.1", ("Variable", "USR_DATA2"), ("Value", "24")));
        Assert.Equal(["PJSIP/1001", "PJSIP/trunk"], later.Select(c => c.LineId).Order());
        Assert.All(later, c => Assert.Equal("24", c.UserData["USR_DATA2"]));
        Assert.Empty(_calls.Observe(Chan("VarSet", "PJSIP/1001-00000003", "1.4", "1.1", ("Variable", "USR_DATA2"), ("Value", "24"))));

        foreach (var uid in new[] { "1.1", "1.2", "1.3" }) _calls.Observe(Chan("Hangup", "x", uid, "1.1"));
        Assert.Equal(1, _calls.Count);
        _calls.Observe(Chan("Hangup", "PJSIP/1001-00000003", "1.4", "1.1"));
        Assert.Equal(0, _calls.Count);
    }

    [Fact]
    public void Data_for_a_call_never_seen_is_dropped_and_a_resync_forgets_calls_whose_channels_are_all_gone()
    {
        Assert.Empty(_calls.Observe(Chan("VarSet", "PJSIP/1001-00000001", "7.1", "7.1", ("Variable", "USR_X"), ("Value", "1"))));
        Assert.Equal(0, _calls.Count);

        _calls.Observe(Chan("Newchannel", "PJSIP/1001-00000001", "1.1", "1.1"));
        _calls.Observe(Chan("Newchannel", "PJSIP/1002-00000002", "1.2", "1.1"));
        _calls.Observe(Chan("Newchannel", "PJSIP/1003-00000003", "2.1", "2.1"));
        _calls.KeepOnly(new HashSet<string> { "1.2" });
        Assert.Equal(1, _calls.Count);
        _calls.Observe(Chan("Hangup", "PJSIP/1002-00000002", "1.2", "1.1"));
        Assert.Equal(0, _calls.Count);
    }

    private sealed class ContextComparer : IEqualityComparer<LineCallContext>
    {
        public bool Equals(LineCallContext? a, LineCallContext? b)
            => a is not null && b is not null && a.LineId == b.LineId && a.LinkedId == b.LinkedId && a.QueueName == b.QueueName && PhoneCall.SameData(a.UserData, b.UserData);

        public int GetHashCode(LineCallContext c) => c.LineId.GetHashCode();
    }
}
