using Newtonsoft.Json.Linq;
using Xuc.Tests.Host;
using Xuc.Tests.Support;

namespace Xuc.Tests.RealAsterisk;

/// <summary>The steps and expected frames the scenarios on both PBXs share.</summary>
internal static class ScenarioSteps
{
    internal static string State(string name, int agent, string phone, string queues, string cause = "") => CtiAgentTests.State(name, agent, phone, queues, cause);
    internal static string Command(string command, string arguments = "") => CtiAgentTests.Command(command, arguments);
    internal static string[] Pair(string a, string b) => [.. new[] { a, b }.Order(StringComparer.Ordinal)];

    /// <summary>Two frames compared whole; a difference shows both pairs in full (xunit's collection diff cuts them).</summary>
    internal static void SamePair(string[] expected, string[] actual)
    {
        if (!expected.SequenceEqual(actual))
            throw new Xunit.Sdk.XunitException($"expected:\n{string.Join("\n", expected)}\nactual:\n{string.Join("\n", actual)}");
    }

    internal static string OnCall(int agent, string phone, string queues) =>
        State("AgentOnCall", agent, phone, queues)[..^2] + ""","acd":true,"direction":"Incoming","callType":"External","monitorState":"DISABLED"}}""";

    internal static string Settled(string frame) => System.Text.RegularExpressions.Regex.Replace(frame, "\"since\":(\\d+)",
        m => int.Parse(m.Groups[1].Value) <= 2 ? "\"since\":0" : m.Value);

    internal static async Task<CtiClient> AgentAsync(IScenarioPbx pbx, string login, int agent)
    {
        var client = await CtiClient.LoginAsync(pbx.Server, login, login);
        await FrameWatch.UntilAsync(client, ("his first state", f => FrameWatch.Is(f, "AgentStateEvent") && (int)f["ctiMessage"]!["agentId"]! == agent));
        return client;
    }

    internal static async Task<string> NextOf(CtiClient client) => Settled(await client.ReceiveOfTypeAsync("AgentStateEvent", "PhoneEvent"));

    internal static async Task MembersAre(IScenarioPbx pbx, string stateInterface, params ScenarioMember[] expected)
    {
        IReadOnlyList<ScenarioMember> held = [];
        await Wait.Until(async () =>
        {
            held = (await pbx.MembersAsync()).Where(m => m.StateInterface == stateInterface).OrderBy(m => m.Queue, StringComparer.Ordinal).ToList();
            return held.SequenceEqual(expected.OrderBy(m => m.Queue, StringComparer.Ordinal));
        }, CtiClient.Patience, $"the PBX's members of {stateInterface}: {string.Join(", ", expected.Select(m => m.ToString()))}; it holds {string.Join(", ", held)}");
    }

    /// <summary>The agent's state frame that satisfies <paramref name="fits"/>, frames in between skipped; returned settled.</summary>
    internal static async Task<string> StateWhen(CtiClient client, int agent, string what, Func<JObject, bool> fits) =>
        Settled((await FrameWatch.UntilAsync(client, (what, f => FrameWatch.Is(f, "AgentStateEvent") && (int)f["ctiMessage"]!["agentId"]! == agent && fits(f))))
            .Last().ToString(Newtonsoft.Json.Formatting.None));

    /// <summary>The phone event of <paramref name="type"/> (frames in between skipped).</summary>
    internal static async Task<string> PhoneWhen(CtiClient client, string type, string what) =>
        (await FrameWatch.UntilAsync(client, (what, f => FrameWatch.Is(f, "PhoneEvent") && (string?)f["ctiMessage"]!["eventType"] == type)))
            .Last().ToString(Newtonsoft.Json.Formatting.None);
}
