using System.Globalization;
using Akka.Actor;
using Akka.Hosting;
using Newtonsoft.Json.Linq;
using Xuc.Actors.Configuration.Model;
using Xuc.Actors.Sessions.Outbound;
using Xuc.Actors.Sessions.Rights;

namespace Xuc.Actors.Sessions.Lists;

/// <summary><c>getList {objectType}</c> and <c>getConfig {objectType, objectId?}</c>, handed to the node's <see cref="ConfigListsActor"/>.</summary>
public static class ListCommands
{
    public const string GetList = "getList";
    public const string GetConfig = "getConfig";

    /// <summary>
    /// Object types PROTOCOL.md lists that other work answers: meetme is answered by the conference feature (the session
    /// hands it to <c>getConferenceRooms</c>); queuemember
    /// is answered by <see cref="Membership.MembershipCommands"/>, which the session asks first.
    /// </summary>
    private static readonly string[] Later = [];

    public static bool Handles(string command) => command is GetList or GetConfig;

    public static IEnumerable<CommandSpec> Specs(IReadOnlySet<ProfileKind> everyone) =>
    [
        new(GetList, [CommandArgument.String("objectType")], everyone, true),
        new(GetConfig, [CommandArgument.String("objectType"), new CommandArgument("objectId", [JTokenType.Integer, JTokenType.String], Required: false)], everyone, true),
    ];

    public static void Handle(string command, JObject frame, SessionUser user, IActorRef session, IActorContext context, Action<ICtiMessage> push)
    {
        var objectType = (string)frame["objectType"]!;
        if (!ConfigListKinds.ByObjectType.ContainsKey(objectType))
        {
            push(Later.Contains(objectType)
                ? new CtiError(CtiErrors.NotImplemented, $"{command}: objectType '{objectType}' is not implemented yet")
                : new CtiError(CtiErrors.InvalidArgument,
                    $"{command}: objectType '{Truncated(objectType)}' is not one of {string.Join(", ", ConfigListKinds.ByObjectType.Keys)}"));
            return;
        }
        int? id = null;
        if (command == GetConfig && frame["objectId"] is { Type: not JTokenType.Null } raw)
        {
            if (!int.TryParse(raw.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                push(new CtiError(CtiErrors.InvalidArgument, $"{command}: objectId must be a whole number, not '{Truncated(raw.ToString())}'"));
                return;
            }
            id = parsed;
        }
        if (!ActorRegistry.For(context.System).TryGet<ConfigListsActor>(out var lists))
        {
            push(new CtiError(CtiErrors.NotImplemented, $"{command}: no configuration lists on this node"));
            return;
        }
        lists.Tell(new ListRequest(session, command, objectType, id, Visibility.Of(user), Follow: command == GetList));
    }

    private static string Truncated(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
