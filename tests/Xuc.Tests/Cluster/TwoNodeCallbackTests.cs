using Newtonsoft.Json.Linq;
using Xuc.Actors.Callbacks;
using Xuc.Tests.Support;
using static Xuc.Tests.Callbacks.CallbackSessions;

namespace Xuc.Tests.Cluster;

/// <summary>
/// Two whole servers in one cluster over one database: two agents, one on each node, take the same callback requests
/// at the same moment; for each request exactly one gets <c>CallbackTaken</c>, the other an Error, and each sees the
/// winner's take (the database's conditional UPDATE is the one writer, not a lock of either node).
/// </summary>
public sealed class TwoNodeCallbackTests
{
    [Fact]
    public async Task Two_agents_on_two_nodes_taking_the_same_request_at_once_get_one_CallbackTaken_and_one_Error()
    {
        var (a, b) = await ServerPair.StartAsync();
        await using var _a = a;
        await using var _b = b;
        var (list, requests) = await SalesListAsync(a, 5);

        await using var james = await CtiClient.LoginAsync(a, "jbond", "jbond");
        await using var money = await CtiClient.LoginAsync(b, "mmoneypenny", "mmoneypenny");
        Assert.Equal(5, ((JArray)ListOf(await AskAsync(james, "getCallbackLists", null, "CallbackLists"), list)["callbacks"]!).Count);
        Assert.Equal(5, ((JArray)ListOf(await AskAsync(money, "getCallbackLists", null, "CallbackLists"), list)["callbacks"]!).Count);
        await ClusterTopics.CrossesAsync(a, b, CallbackEvent.Topic);
        await ClusterTopics.CrossesAsync(b, a, CallbackEvent.Topic);

        foreach (var uuid in requests)
        {
            var take = FrameWatch.Command("takeCallback", new { uuid });
            await Task.WhenAll(james.SendAsync(take), money.SendAsync(take));
            var outcomes = await Task.WhenAll(OutcomeAsync(james, 1, uuid), OutcomeAsync(money, 2, uuid));
            Assert.Single(outcomes, o => o.Own == "CallbackTaken");
            Assert.Single(outcomes, o => o.Own == "CallbackAlreadyTaken");
            var winner = outcomes[0].Own == "CallbackTaken" ? 1 : 2;
            // Both hear of the same winner (the loser through the cluster).
            Assert.All(outcomes, o => Assert.Equal(winner, o.TakenBy));
            Assert.Equal(winner, (await Store(b).RequestAsync(uuid))!.AgentId);
        }
    }

    /// <summary>
    /// Reads until the agent has his answer (his own CallbackTaken, or an Error) and has seen who took the request;
    /// the answer ("CallbackTaken" or the Error's code) and the taker.
    /// </summary>
    private static async Task<(string Own, int TakenBy)> OutcomeAsync(CtiClient client, int agentId, string uuid)
    {
        static bool TakenOf(JObject f, string uuid) => FrameWatch.Is(f, "CallbackTaken") && (string)f["ctiMessage"]!["uuid"]! == uuid;
        var frames = await FrameWatch.UntilAsync(client,
            ("his answer", f => FrameWatch.Is(f, "Error") || TakenOf(f, uuid) && (int)f["ctiMessage"]!["agentId"]! == agentId),
            ("who took it", f => TakenOf(f, uuid)));
        var error = frames.FirstOrDefault(f => FrameWatch.Is(f, "Error"));
        var taker = (int)frames.First(f => TakenOf(f, uuid))["ctiMessage"]!["agentId"]!;
        return (error is null ? "CallbackTaken" : (string)error["ctiMessage"]!["Error"]!, taker);
    }
}
