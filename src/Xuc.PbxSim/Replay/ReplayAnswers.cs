using Xuc.PbxSim.Protocol;

namespace Xuc.PbxSim.Replay;

/// <summary>
/// What a replay answers when the recording holds no answer for an action: the live actions as manager.c does, an
/// empty list in the module's words for the list actions Xuc and other CTI clients send, and an error otherwise.
/// </summary>
internal static class ReplayAnswers
{
    private static readonly Dictionary<string, (string Message, string Complete)> Lists = new(StringComparer.OrdinalIgnoreCase)
    {
        ["CoreShowChannels"] = ("Channels will follow", "CoreShowChannelsComplete"),
        ["QueueStatus"] = ("Queue status will follow", "QueueStatusComplete"),
        ["QueueSummary"] = ("Queue summary will follow", "QueueSummaryComplete"),
        ["ExtensionStateList"] = ("Extension Statuses will follow", "ExtensionStateListComplete"),
        ["Status"] = ("Channel status will follow", "StatusComplete"),
        ["DeviceStateList"] = ("Device State Changes will follow", "DeviceStateListComplete"),
    };

    public static string Ping(string? id)
    {
        var now = DateTimeOffset.UtcNow;
        return AmiText.Response("Success", id).Add("Ping", "Pong")
            .Add("Timestamp", $"{now.ToUnixTimeSeconds()}.{now.Ticks % TimeSpan.TicksPerSecond / 10:000000}").ToString();
    }

    public static string FullyBooted(DateTimeOffset started)
    {
        var uptime = (int)(DateTimeOffset.UtcNow - started).TotalSeconds;
        return AmiText.Event("FullyBooted", "system,all").Add("Uptime", uptime).Add("LastReload", uptime).Add("Status", "Fully Booted").ToString();
    }

    /// <summary>An action the recording has no answer for.</summary>
    public static string Unrecorded(string action, string? id)
    {
        if (Lists.TryGetValue(action, out var list))
        {
            var start = AmiText.Response("Success", id).Add("EventList", "start").Add("Message", list.Message).ToString();
            var done = new AmiText().Add("Event", list.Complete);
            if (id is not null) done.Add("ActionID", id);
            return start + done.Add("EventList", "Complete").Add("ListItems", 0).ToString();
        }
        // app_confbridge answers an empty room list with an error.
        if (action.Equals("ConfbridgeListRooms", StringComparison.OrdinalIgnoreCase)) return Error(id, "No active conferences.");
        return Error(id, $"Action '{action}' is not supported in replay");
    }

    public static string Error(string? id, string message) => AmiText.Response("Error", id).Add("Message", message).ToString();
    public static string Success(string? id, string message) => AmiText.Response("Success", id).Add("Message", message).ToString();
}
