using Newtonsoft.Json.Linq;
using Xuc.Actors.Configuration.Model;
using Xuc.Actors.Sessions.Phone;
using Xuc.Actors.Sessions.UserServices;

namespace Xuc.Actors.Sessions;

/// <summary>An argument a command reads: its name, the JSON types it accepts, and whether it must be present.</summary>
public sealed record CommandArgument(string Name, JTokenType[] Types, bool Required = true)
{
    /// <summary>For an array: the JSON type each element must have (null: any).</summary>
    public JTokenType? ElementType { get; init; }

    public static CommandArgument String(string name, bool required = true) => new(name, [JTokenType.String], required);

    public static CommandArgument StringList(string name, bool required = true) => new(name, [JTokenType.Array], required) { ElementType = JTokenType.String };
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
            if (a.ElementType is { } element && value is JArray items && items.FirstOrDefault(i => i.Type != element) is { } odd)
                return $"{Name}: '{a.Name}' must hold {element.ToString().ToLowerInvariant()}s only, not {odd.Type.ToString().ToLowerInvariant()}";
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
    public const string GetCurrentCallsPhoneEvents = "getCurrentCallsPhoneEvents";
    public const string SubscribeToPhoneHints = "subscribeToPhoneHints";
    public const string UnsubscribeFromAllPhoneHints = "unsubscribeFromAllPhoneHints";

    private static readonly Dictionary<string, CommandSpec> Specs = Build();

    public static CommandSpec? Find(string command) => Specs.GetValueOrDefault(command);

    private static Dictionary<string, CommandSpec> Build()
    {
        var specs = new List<CommandSpec>
        {
            new(UserStatusUpdate, [CommandArgument.String("status")], Everyone, true),
            new(GetCurrentCallsPhoneEvents, [], Everyone, true),
            new(SubscribeToPhoneHints, [CommandArgument.StringList("phoneNumbers")], Everyone, true),
            new(UnsubscribeFromAllPhoneHints, [], Everyone, true),
        };
        // Agents (docs/cti-websocket.md, "Agents"): whose agent a user may act on is checked per agent, not here.
        CommandArgument agentId = new("agentid", [JTokenType.Integer, JTokenType.String], Required: false);
        specs.Add(new(Agents.SessionAgents.Login, [new CommandArgument("agentphonenumber", [JTokenType.String, JTokenType.Integer]), agentId], Everyone, true));
        specs.Add(new(Agents.SessionAgents.Logout, [agentId], Everyone, true));
        specs.Add(new(Agents.SessionAgents.Pause, [agentId, CommandArgument.String("reason", required: false)], Everyone, true));
        specs.Add(new(Agents.SessionAgents.Unpause, [agentId], Everyone, true));
        specs.Add(new(Agents.SessionAgents.MonitorPause, [agentId], Everyone, true));
        specs.Add(new(Agents.SessionAgents.MonitorUnpause, [agentId], Everyone, true));
        specs.Add(new(Agents.SessionAgents.Listen, [agentId with { Required = true }], Supervisors, true));
        specs.AddRange(Queues.QueueCommandSpecs.All(Everyone));
        specs.Add(new(Agents.AgentStatsCommands.SubscribeToAgentStats, [], Everyone, true));
        // getList / getConfig: queue, agent, agentgroup in Lists.ListCommands; queuemember in Membership.MembershipCommands.
        specs.AddRange(Lists.ListCommands.Specs(Everyone));
        specs.AddRange(Agents.AgentFeedCommands.Specs(Everyone));
        specs.AddRange(PhoneServiceCommands.All.Select(s => new CommandSpec(PhoneServiceSetting.CommandOf(s), PhoneServiceCommands.Arguments(s), Everyone, true)));
        // PROTOCOL.md §3: NoRight users act on their own line, agent and data only; the membership commands act on other
        // agents or users (Membership.MembershipCommands).
        specs.AddRange(Membership.MembershipCommands.Specs(Everyone, Supervisors));
        string[] later =
        [
            "conference",
            "conferenceInvite", "conferenceDeafen", "conferenceUndeafen",
            "conferenceReset",
            "directoryLookUp", "searchContacts", "getFavorites", "getFavoriteContacts",
            "addFavorite", "removeFavorite",
            "getCallbackLists", "findCallbackRequest", "getCallbackPreferredPeriods", "takeCallback", "releaseCallback", "startCallback",
            "updateCallbackTicket",
        ];
        specs.AddRange(PhoneCommandSpecs.For(Everyone));
        specs.AddRange(later.Select(n => new CommandSpec(n, [], Everyone, false)));
        // A name a feature of the command pipeline defines (Commands.CtiCommandRegistry) is that feature's, not a spec's.
        return specs.Where(s => Commands.CtiCommandRegistry.Find(s.Name) is null).ToDictionary(s => s.Name, StringComparer.Ordinal);
    }
}
