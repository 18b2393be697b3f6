using Xuc.Actors.Callbacks;
using Xuc.Actors.Messages.Pbx;
using Xuc.Actors.Sessions.Commands;
using Xuc.Actors.Sessions.Outbound;
using Xuc.Actors.Sessions.Phone;

namespace Xuc.Actors.Sessions.Callbacks;

/// <summary>
/// <c>startCallback</c>: the agent's own taken request, called from his line (an Originate through the PBX gateway,
/// the request's uuid in <c>XUC_CALLBACK_REQUEST</c>); the ticket is created once the PBX accepted the call.
/// </summary>
public static class CallbackStart
{
    private const string Start = CallbacksFeature.Start;

    public static async Task<ICtiMessage> RunAsync(StartCallback command, SessionUser user, int agentId, CallbackStore store,
        IReadOnlyDictionary<string, CallbackList> lists, PhoneControl? phone, SessionContext session)
    {
        var uuid = command.Uuid;
        if (await CallbackAnswers.VisibleRequestAsync(store, uuid, lists) is not { } request) return CallbackAnswers.Unknown(Start, uuid);
        if (request.Clotured) return CallbackAnswers.Refused(Start, new CallbackResult(CallbackOutcome.Closed, request));
        if (request.AgentId != agentId)
            return CallbackAnswers.Refused(Start, new CallbackResult(request.AgentId is null ? CallbackOutcome.NotTaken : CallbackOutcome.NotYours, request));
        var number = CallbackRules.CleanNumber(command.Number);
        if (number is null) return new CtiError(CtiErrors.InvalidArgument, $"{Start}: number is empty");
        if (CallbackRules.NumberError("number", number) is { } wrong) return new CtiError(CtiErrors.InvalidArgument, $"{Start}: {wrong}");
        if (user.Line is not { } line) return new CtiError(CtiErrors.NoLine, $"{Start}: {user.User.Login} has no line to call from");
        if (phone is null) return new CtiError(CtiErrors.PbxLinkDown, $"{Start}: no PBX connection on this node");
        var originate = PhoneCommands.DialFromPhone(user.User, line, number, [new("XUC_CALLBACK_REQUEST", uuid)]);
        switch (await phone.Pbx.Send(originate, phone.ActionTimeout))
        {
            case PbxRefused r: return new CtiError(CtiErrors.PbxRefused, $"{Start}: the PBX refused the call: {r.Reason}");
            case PbxTimedOut: return new CtiError(CtiErrors.PbxTimedOut, $"{Start}: the PBX did not answer the Originate within {phone.ActionTimeout.TotalSeconds:0.#} s");
            case PbxLinkDown d: return new CtiError(CtiErrors.PbxLinkDown, $"{Start}: no PBX: {d.Reason}");
        }
        var started = await store.StartAsync(uuid, agentId, number);
        if (!started.Done) return CallbackAnswers.Refused(Start, started);
        await CallbackAnswers.PublishAsync(session, store, CallbackEvent.Started, started.Request!, agentId, started.Ticket!.Uuid);
        return new CallbackStarted(uuid, started.Ticket.Uuid);
    }
}
