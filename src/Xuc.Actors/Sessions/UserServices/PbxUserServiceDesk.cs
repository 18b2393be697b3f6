using Akka.Actor;
using Xuc.Ami.Actions;
using Xuc.Actors.Configuration;
using Xuc.Actors.Configuration.Model;
using Xuc.Actors.Entities.Agent;
using Xuc.Actors.Messages.Pbx;
using Xuc.Actors.Messages.Queries;
using Xuc.Actors.Pbx;
using Xuc.Actors.Sessions.Outbound;

namespace Xuc.Actors.Sessions.UserServices;

/// <summary>
/// The user services of the server: the PBX through <see cref="PbxGateway"/>, the store, the agent entities (to find a
/// logged agent's interface). Thread-safe, one per node, shared by the sessions.
/// </summary>
public sealed class PbxUserServiceDesk(ConfigStore store, PbxGateway pbx, IActorRef agents) : IUserServiceDesk
{
    /// <summary>How long the PBX (and an agent entity) may take to answer one action.</summary>
    public static readonly TimeSpan ActionTimeout = TimeSpan.FromSeconds(5);

    public async Task<CtiError?> SetAsync(SessionUser user, PhoneServiceSetting setting)
        => await SetAsync(user, setting, setting.Command);

    private async Task<CtiError?> SetAsync(SessionUser user, PhoneServiceSetting setting, string command)
    {
        if (setting.Problem is { } problem) return new CtiError(CtiErrors.InvalidArgument, $"{command}: {problem}");
        if (user.Line is not { } line) return new CtiError(CtiErrors.NoLine, $"{command}: the user has no line to apply it to");
        if (PbxError(command, await pbx.Send(setting.ToDbPut(line.Number), ActionTimeout)) is { } refused) return refused;
        try
        {
            // The store announces the change; the user's topic carries it to every session of his.
            return await store.SetPhoneServicesAsync(user.User.Id, setting.ApplyTo) is null
                ? new CtiError(CtiErrors.NotStored, $"{command}: the user no longer exists")
                : null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new CtiError(CtiErrors.NotStored, $"{command}: written to the PBX but not stored: {e.GetBaseException().Message}");
        }
    }

    public async Task<IReadOnlyList<CtiError>> ApplyStatusActionsAsync(SessionUser user, UserStatus status)
    {
        var errors = new List<CtiError>();
        foreach (var action in status.Actions)
        {
            var error = action switch
            {
                StatusActions.EnableDnd => await SetAsync(user, new PhoneServiceSetting(PhoneService.Dnd, true), CommandCatalog.UserStatusUpdate),
                StatusActions.DisableDnd => await SetAsync(user, new PhoneServiceSetting(PhoneService.Dnd, false), CommandCatalog.UserStatusUpdate),
                StatusActions.PauseAgent => await PauseAsync(user, true, status.Name),
                StatusActions.UnpauseAgent => await PauseAsync(user, false, status.Name),
                _ => null, // the configuration check lets no other through
            };
            if (error is not null) errors.Add(error);
        }
        return errors;
    }

    /// <summary>QueuePause in all the agent's queues, when the user is an agent logged in; nothing otherwise.</summary>
    private async Task<CtiError?> PauseAsync(SessionUser user, bool paused, string reason)
    {
        if (user.User.AgentId is not { } agentId) return null;
        AgentState state;
        try
        {
            state = await agents.Ask<AgentState>(new GetAgentState(agentId.ToString()), ActionTimeout);
        }
        catch (AskTimeoutException)
        {
            return new CtiError(CtiErrors.PbxTimedOut, $"{CommandCatalog.UserStatusUpdate}: agent {agentId} did not answer within {ActionTimeout.TotalSeconds:0} s");
        }
        if (state is not { LoggedIn: true, Interface: { } iface }) return null;
        var action = new QueuePauseAction { Interface = iface, Paused = paused ? "true" : "false", Reason = paused ? reason : null };
        return PbxError(CommandCatalog.UserStatusUpdate, await pbx.Send(action, ActionTimeout));
    }

    public async Task<VoiceMailStatusUpdate> VoiceMailAsync(SessionUser user)
    {
        if (Mailboxes.Of(user) is not { } mailbox) return Mailboxes.Status(user, 0, 0);
        return await pbx.Send(new MailboxCountAction { Mailbox = mailbox }, ActionTimeout) is PbxAnswered answer
            ? Mailboxes.Status(user, Count(answer["NewMessages"]), Count(answer["OldMessages"]))
            : Mailboxes.Status(user, 0, 0);
    }

    private static int Count(string? header) => int.TryParse(header, out var n) && n > 0 ? n : 0;

    private static CtiError? PbxError(string command, PbxResult result) => result switch
    {
        PbxAnswered => null,
        PbxRefused r => new CtiError(CtiErrors.PbxRefused, $"{command}: the PBX refused {r.Action}: {r.Reason}"),
        PbxTimedOut t => new CtiError(CtiErrors.PbxTimedOut, $"{command}: the PBX did not answer {t.Action} within {t.Timeout.TotalSeconds:0.###} s"),
        PbxLinkDown d => new CtiError(CtiErrors.PbxLinkDown, $"{command}: {d.Action} not sent, the PBX link is down ({d.Reason})"),
        _ => new CtiError(CtiErrors.PbxRefused, $"{command}: unexpected answer {result.GetType().Name}"),
    };
}
