using Newtonsoft.Json.Linq;
using Xuc.Actors.Configuration.Model;
using Xuc.Actors.Sessions.Outbound;

namespace Xuc.Actors.Sessions.UserServices;

/// <summary>
/// The CTI's phone-service commands (<c>dnd {state}</c>, <c>naFwd|uncFwd|busyFwd {state, destination}</c>), their
/// argument checks for <see cref="CommandCatalog"/>, and what the session sends its user (UserConfigUpdate).
/// </summary>
public static class PhoneServiceCommands
{
    public static readonly IReadOnlyList<PhoneService> All = [PhoneService.Dnd, PhoneService.NaFwd, PhoneService.UncFwd, PhoneService.BusyFwd];

    /// <summary>The arguments: <c>state</c> a boolean; a forward's <c>destination</c> a string, empty when left out.</summary>
    public static IReadOnlyList<CommandArgument> Arguments(PhoneService service) => service == PhoneService.Dnd
        ? [new CommandArgument("state", [JTokenType.Boolean])]
        : [new CommandArgument("state", [JTokenType.Boolean]), CommandArgument.String("destination", required: false)];

    /// <returns>The setting a checked command asks for, or null when <paramref name="command"/> is not one of these.</returns>
    public static PhoneServiceSetting? Parse(string command, JObject frame)
    {
        var service = All.Cast<PhoneService?>().FirstOrDefault(s => PhoneServiceSetting.CommandOf(s!.Value) == command);
        if (service is null) return null;
        return new PhoneServiceSetting(service.Value, (bool)frame["state"]!, (string?)frame["destination"] ?? "");
    }

    /// <summary>The user's UserConfigUpdate (the reference's full shape): names, services, agent, line, mailbox.</summary>
    public static UserConfigUpdate ConfigUpdateOf(SessionUser sessionUser)
    {
        var user = sessionUser.User;
        var s = user.Services ?? PhoneServices.Off;
        return new UserConfigUpdate
        {
            UserId = user.Id,
            DndEnabled = s.DndEnabled,
            NaFwdEnabled = s.NaFwdEnabled,
            NaFwdDestination = s.NaFwdDestination,
            UncFwdEnabled = s.UncFwdEnabled,
            UncFwdDestination = s.UncFwdDestination,
            BusyFwdEnabled = s.BusyFwdEnabled,
            BusyFwdDestination = s.BusyFwdDestination,
            FirstName = user.FirstName,
            LastName = user.LastName,
            FullName = $"{user.FirstName} {user.LastName}".Trim(),
            MobileNumber = user.MobileNumber ?? "",
            AgentId = user.AgentId ?? 0,
            LineIds = sessionUser.Line is { } line ? [line.Id] : [],
            VoiceMailId = Mailboxes.IdOf(sessionUser),
            VoiceMailEnabled = Mailboxes.Of(sessionUser) is not null,
        };
    }

    /// <summary>The user with the services his topic announced.</summary>
    public static SessionUser With(this SessionUser user, PhoneServices services) => user with { User = user.User with { Services = services } };
}
