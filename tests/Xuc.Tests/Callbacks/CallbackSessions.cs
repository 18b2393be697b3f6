using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using Xuc.Actors.Callbacks;
using Xuc.Tests.Support;

namespace Xuc.Tests.Callbacks;

/// <summary>What the callback tests share: a list of queue sales with requests, and a command answered by a frame of a type.</summary>
public static class CallbackSessions
{
    public static CallbackStore Store(TestServer server) => server.App.Web.Services.GetRequiredService<CallbackStore>();

    /// <summary>A list of the sales queue (1) with <paramref name="requests"/> requests due <paramref name="due"/>; its uuid and theirs.</summary>
    public static async Task<(string List, IReadOnlyList<string> Requests)> SalesListAsync(TestServer server, int requests, string due = "2099-01-01")
    {
        var store = Store(server);
        await store.UpsertPeriodAsync(new PreferredPeriod("am", "Early", "07:00:00", "09:00:00", true));
        var list = CallbackStore.NewUuid();
        await store.UpsertListAsync(new CallbackList(list, "Test callbacks", 1), new HashSet<int> { 1, 2, 3 });
        var added = await store.AddRequestsAsync(list, Enumerable.Range(0, requests)
            .Select(i => new CallbackRequest { PhoneNumber = $"023021008{i}", FirstName = "Alice", LastName = $"O'Neill {i}", DueDate = due }).ToList());
        return (list, added.Select(r => r.Uuid).ToList());
    }

    /// <summary>Sends a command and reads until a frame of <paramref name="msgType"/> (or an Error) comes; that frame.</summary>
    public static async Task<JObject> AskAsync(CtiClient client, string command, object? arguments, string msgType)
    {
        await client.SendAsync(FrameWatch.Command(command, arguments));
        return await NextAsync(client, msgType);
    }

    /// <summary>The next frame of <paramref name="msgType"/> or an Error (others are skipped).</summary>
    public static async Task<JObject> NextAsync(CtiClient client, string msgType)
    {
        var frames = await FrameWatch.UntilAsync(client, (msgType, f => FrameWatch.Is(f, msgType) || FrameWatch.Is(f, "Error")));
        return frames[^1];
    }

    /// <summary>The list <paramref name="uuid"/> of a <c>CallbackLists</c> frame (the demo seeds a list of its own).</summary>
    public static JObject ListOf(JObject frame, string uuid) => (JObject)frame["ctiMessage"]!.Single(l => (string)l["uuid"]! == uuid);

    public static string Error(JObject frame) => FrameWatch.Is(frame, "Error") ? (string)frame["ctiMessage"]!["Error"]! : "(no error: " + frame + ")";
}
