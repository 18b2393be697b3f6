using Xuc.PbxSim.Model;
using Xunit.Abstractions;

namespace Xuc.Tests.PbxSim;

/// <summary>How many AMI events one answered queue call makes at each event level (issue 7: a real one is ~200).</summary>
public sealed class EventVolumeTests(ITestOutputHelper output)
{
    private sealed class Counter : IAmiEventSink
    {
        public List<string> Events { get; } = [];
        public void SendEvent(string text) => Events.Add(text[7..text.IndexOf('\r')]);
    }

    private static List<string> AnsweredQueueCall(SimEventLevel level, string memberInterface)
    {
        var model = new PbxModel { EventLevel = level };
        model.AddEndpoint("1001");
        model.AddEndpoint("1002");
        model.AddQueue("sales", "3000");
        model.AddMember("sales", memberInterface.Replace("X", "1001"), "Agent 1001", stateInterface: "PJSIP/1001");
        model.AddMember("sales", memberInterface.Replace("X", "1002"), "Agent 1002", stateInterface: "PJSIP/1002");
        var counter = new Counter();
        model.Subscribe(counter);
        var caller = model.ExternalCall("0612345678", "3000");
        model.Answer("1002");
        model.Hangup(caller);
        return counter.Events;
    }

    [Theory]
    [InlineData("PJSIP/X")]
    [InlineData("Local/X@agents/n")]
    public void The_realistic_level_carries_a_real_asterisks_volume_and_the_minimal_one_the_same_state_events(string member)
    {
        var minimal = AnsweredQueueCall(SimEventLevel.Minimal, member);
        var realistic = AnsweredQueueCall(SimEventLevel.Realistic, member);
        output.WriteLine($"{member}: minimal {minimal.Count}, realistic {realistic.Count}");
        // The realistic level only adds dialplan, variable, music-on-hold and CDR events around the same sequence.
        string[] extra = ["Newexten", "VarSet", "MusicOnHoldStart", "MusicOnHoldStop", "Cdr"];
        Assert.Equal(minimal, realistic.Where(e => !extra.Contains(e)).ToList());
        Assert.True(realistic.Count >= 2 * minimal.Count, $"realistic {realistic.Count} vs minimal {minimal.Count}");
    }
}
