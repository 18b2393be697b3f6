using Newtonsoft.Json.Linq;
using Xuc.Actors.Configuration.Model;
using Xuc.Actors.Sessions.UserServices;

namespace Xuc.Actors.Sessions;

/// <summary>An argument a command reads: its name, the JSON types it accepts, and whether it must be present.</summary>
public sealed record CommandArgument(string Name, JTokenType[] Types, bool Required = true)
{
    public static CommandArgument String(string name, bool required = true) => new(name, [JTokenType.String], required);
}

/// <summary>A command of PROTOCOL.md §2.1: its arguments, and the profiles that may send it (the rights check hook).</summary>
public sealed record CommandSpec(string Name, IReadOnlyList<CommandArgument> Arguments, IReadOnlySet<ProfileKind> Allowed, bool Implemented)
{
    /// <returns>null when the frame's arguments fit, else what is wrong.</returns>
    public string? CheckArguments(JObject frame)
    {
        foreach (var a in Arguments)
        {
            var value = frame[a.Name];
            if (value is null || value.Type == JTokenType.Null)
            {
                if (a.Required) return $"{Name}: '{a.Name}' is missing";
                continue;
            }
            if (!a.Types.Contains(value.Type))
                return $"{Name}: '{a.Name}' must be {string.Join(" or ", a.Types.Select(t => t.ToString().ToLowerInvariant()))}, not {value.Type.ToString().ToLowerInvariant()}";
        }
        return null;
    }
}

/// <summary>
/// The commands a session knows. Those not <see cref="CommandSpec.Implemented"/> yet are answered <c>NotImplemented</c>
/// once the rights check passed; a name not listed here is <c>UnknownCommand</c>.
/// </summary>
public static class CommandCatalog
{
    private static readonly IReadOnlySet<ProfileKind> Everyone = new HashSet<ProfileKind> { ProfileKind.Admin, ProfileKind.Supervisor, ProfileKind.NoRight };
    private static readonly IReadOnlySet<ProfileKind> Supervisors = new HashSet<ProfileKind> { ProfileKind.Admin, ProfileKind.Supervisor };

    public const string UserStatusUpdate = "userStatusUpdate";

    private static readonly Dictionary<string, CommandSpec> Specs = Build();

    public static CommandSpec? Find(string command) => Specs.GetValueOrDefault(command);

    private static Dictionary<string, CommandSpec> Build()
    {
        var specs = new List<CommandSpec> { new(UserStatusUpdate, [CommandArgument.String("status")], Everyone, true) };
        specs.AddRange(PhoneServiceCommands.All.Select(s => new CommandSpec(PhoneServiceSetting.CommandOf(s), PhoneServiceCommands.Arguments(s), Everyone, true)));
        // PROTOCOL.md §3: NoRight users act on their own line, agent and data only; these act on other agents or users.
        string[] supervisorOnly =
        [
            "listenAgent", "setAgentQueue", "removeAgentFromQueue", "setAgentGroup", "moveAgentsInGroup", "addAgentsInGroup",
            "removeAgentGroupFromQueueGroup", "addAgentsNotInQueueFromGroupTo", "setUserDefaultMembership", "setUsersDefaultMembership",
            "applyUsersDefaultMembership",
        ];
        string[] later =
        [
            "dial", "dialFromMobile", "dialFromQueue", "dialByUsername", "originate", "hangup", "answer",
            "hold", "directTransfer", "attendedTransfer", "completeTransfer", "cancelTransfer", "sendDtmf", "toggleMicrophone", "setData",
            "getCurrentCallsPhoneEvents", "subscribeToPhoneHints", "unsubscribeFromAllPhoneHints", "getList", "getConfig", "conference",
            "conferenceInvite", "conferenceMute", "conferenceUnmute", "conferenceKick", "conferenceDeafen", "conferenceUndeafen",
            "conferenceMuteAll", "conferenceUnmuteAll", "conferenceMuteMe", "conferenceUnmuteMe", "conferenceReset", "conferenceClose",
            "agentLogin", "agentLogout", "pauseAgent", "unpauseAgent", "monitorPause", "monitorUnpause", "subscribeToAgentEvents",
            "getAgentStates", "subscribeToAgentStats", "getAgentDirectory", "subscribeToQueueStats", "subscribeToQueueCalls",
            "unSubscribeToQueueCalls", "getQueueStatistics", "directoryLookUp", "searchContacts", "getFavorites", "getFavoriteContacts",
            "addFavorite", "removeFavorite", "getUserCallHistory", "getAgentCallHistory", "getQueueCallHistory", "getUserCallHistoryByDays",
            "getCallbackLists", "findCallbackRequest", "getCallbackPreferredPeriods", "takeCallback", "releaseCallback", "startCallback",
            "updateCallbackTicket", "getUserDefaultMembership",
        ];
        specs.AddRange(supervisorOnly.Select(n => new CommandSpec(n, [], Supervisors, false)));
        specs.AddRange(later.Select(n => new CommandSpec(n, [], Everyone, false)));
        return specs.ToDictionary(s => s.Name, StringComparer.Ordinal);
    }
}
