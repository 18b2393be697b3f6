using Newtonsoft.Json.Linq;
using Xuc.Tests.Support;

namespace Xuc.Tests.Host;

/// <summary>
/// Conference rooms over a real CTI WebSocket against the bundled simulator's ConfBridge: three phones join room 4000
/// (jbond's as the organiser), the supervisor alice follows the room list, the organiser mutes and kicks through
/// ConfbridgeMute / ConfbridgeKick and the PBX's events come back; a plain user may not moderate; bad arguments get
/// an <c>Error</c> and change nothing.
/// </summary>
public sealed class ConferenceEndToEndTests
{
    private static bool IsList(JObject f, Func<JArray, bool> fits) => FrameWatch.Is(f, "ConferenceList") && fits((JArray)f["ctiMessage"]!);

    private static JArray? Members(JArray rooms, string number) => rooms.FirstOrDefault(r => (string?)r["number"] == number)?["members"] as JArray;

    [Fact]
    public async Task Three_phones_join_room_4000_the_supervisor_follows_the_list_and_mute_and_kick_come_back_from_the_PBX()
    {
        await using var server = await TestServer.StartAsync();
        var sim = server.App.Simulator!.Model;
        await using var alice = await OpenAsync(server, "alice");
        await using var jbond = await OpenAsync(server, "jbond");
        await using var bob = await OpenAsync(server, "bob");

        await alice.SendAsync(FrameWatch.Command("getList", new { objectType = "meetme" }));
        await FrameWatch.UntilAsync(alice, ("the empty list", f => IsList(f, rooms => rooms.Count == 0)));

        var organiser = sim.JoinConference("1001", "4000", admin: true);
        await FrameWatch.UntilAsync(jbond, ("jbond's ConferenceEvent Join", f => FrameWatch.Is(f, "ConferenceEvent")
            && (string?)f["ctiMessage"]!["eventType"] == "Join" && (string?)f["ctiMessage"]!["conferenceNumber"] == "4000"
            && ((JArray)f["ctiMessage"]!["participants"]!).Single()["role"]!.ToString() == "Organizer"));
        var second = sim.JoinConference("1002", "4000");
        var third = sim.JoinConference("1012", "4000");

        var seen = await FrameWatch.UntilAsync(alice, ("room 4000 with three members", f => IsList(f, rooms => Members(rooms, "4000")?.Count == 3)));
        var members = Members((JArray)seen.Last()["ctiMessage"]!, "4000")!;
        Assert.Equal(["1001", "1002", "1012"], members.Select(m => (string)m["number"]!));
        Assert.Equal([1, 2, 3], members.Select(m => (int)m["joinOrder"]!));
        Assert.All(members, m => Assert.False((bool)m["muted"]!));
        // The organiser is told of each newcomer.
        await FrameWatch.UntilAsync(jbond, ("1012 joined", f => FrameWatch.Is(f, "ConferenceParticipantEvent")
            && (string?)f["ctiMessage"]!["eventType"] == "Join" && (string?)f["ctiMessage"]!["callerIdNum"] == "1012" && (int?)f["ctiMessage"]!["index"] == 3));

        // bob is in the room but not its organiser.
        await bob.SendAsync(FrameWatch.Command("conferenceMute", new { numConf = "4000", index = 1 }));
        await FrameWatch.UntilAsync(bob, ("NotOrganizer", f => FrameWatch.Is(f, "ConferenceCommandError") && (string?)f["ctiMessage"]!["error"] == "NotOrganizer"));
        Assert.False(sim.Locked(() => sim.ConferenceMembers("4000")!.Single(c => c.Name == organiser).ConferenceMuted));

        // The organiser mutes participant 2: ConfbridgeMute reaches the PBX, its ConfbridgeMute event comes back.
        await jbond.SendAsync(FrameWatch.Command("conferenceMute", new { numConf = "4000", index = 2 }));
        await FrameWatch.UntilAsync(alice, ("participant 2 muted", f => IsList(f, rooms => Members(rooms, "4000") is { Count: 3 } m && (bool)m[1]["muted"]! && !(bool)m[0]["muted"]!)));
        await FrameWatch.UntilAsync(jbond, ("Update muted", f => FrameWatch.Is(f, "ConferenceParticipantEvent")
            && (string?)f["ctiMessage"]!["eventType"] == "Update" && (int?)f["ctiMessage"]!["index"] == 2 && (bool)f["ctiMessage"]!["isMuted"]!));
        Assert.True(sim.Locked(() => sim.ConferenceMembers("4000")!.Single(c => c.Name == second).ConferenceMuted));

        // Then kicks participant 3 (bob's phone): ConfbridgeKick, his ConfbridgeLeave.
        await jbond.SendAsync(FrameWatch.Command("conferenceKick", new { numConf = 4000, index = 3 }));
        await FrameWatch.UntilAsync(alice, ("participant 3 gone", f => IsList(f, rooms => Members(rooms, "4000") is { Count: 2 } m && m.All(x => (int)x["index"]! != 3))));
        await FrameWatch.UntilAsync(bob, ("bob's ConferenceEvent Leave", f => FrameWatch.Is(f, "ConferenceEvent") && (string?)f["ctiMessage"]!["eventType"] == "Leave"));
        Assert.DoesNotContain(sim.Locked(() => sim.ConferenceMembers("4000")!.Select(c => c.Name).ToList()), name => name == third);

        // Close: everyone out, the room ends and leaves the list.
        await jbond.SendAsync(FrameWatch.Command("conferenceClose", new { numConf = "4000" }));
        await FrameWatch.UntilAsync(alice, ("room 4000 ended", f => IsList(f, rooms => Members(rooms, "4000") is null)));
        Assert.Null(sim.Locked(() => sim.ConferenceMembers("4000")));
    }

    [Fact]
    public async Task Bad_arguments_and_unknown_rooms_are_refused_with_a_reason()
    {
        await using var server = await TestServer.StartAsync();
        var sim = server.App.Simulator!.Model;
        await using var jbond = await OpenAsync(server, "jbond");
        sim.JoinConference("1001", "4000", admin: true);
        await FrameWatch.UntilAsync(jbond, ("Join", f => FrameWatch.Is(f, "ConferenceEvent")));

        (object Command, string MsgType, string Text)[] cases =
        [
            (new { command = "conferenceMute", numConf = "4000" }, "Error", "conferenceMute: 'index' is missing"),
            (new { command = "conferenceMute", index = 1 }, "Error", "conferenceMute: 'numConf' is missing"),
            (new { command = "conferenceKick", numConf = "4000", index = "first" }, "Error", "conferenceKick"),
            (new { command = "conferenceMute", numConf = "4000", index = 9 }, "ConferenceCommandError", "no participant 9 in room 4000"),
            (new { command = "conferenceMuteAll", numConf = "4999" }, "ConferenceCommandError", "no conference room '4999' is running"),
        ];
        foreach (var (command, msgType, text) in cases)
        {
            var frame = JObject.FromObject(command);
            frame["claz"] = "web";
            await jbond.SendAsync(frame.ToString());
            var answer = (await FrameWatch.UntilAsync(jbond, (text, f => FrameWatch.Is(f, msgType)))).Last();
            Assert.Contains(text, answer["ctiMessage"]!.ToString());
        }
        Assert.False(sim.Locked(() => sim.ConferenceMembers("4000")!.Single().ConferenceMuted));
    }

    private static async Task<CtiClient> OpenAsync(TestServer server, string login)
    {
        var client = await CtiClient.LoginAsync(server, login, login);
        await client.SendAsync("""{"claz":"ping"}""");
        while ((await client.ReceiveJsonAsync())["msgType"]!.ToString() != "Pong") { }
        return client;
    }
}
