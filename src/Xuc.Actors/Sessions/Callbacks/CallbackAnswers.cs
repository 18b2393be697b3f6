using Xuc.Actors.Callbacks;
using Xuc.Actors.Sessions.Commands;
using Xuc.Actors.Sessions.Outbound;

namespace Xuc.Actors.Sessions.Callbacks;

/// <summary>The callback commands' error codes and the reads and publications they share.</summary>
public static class CallbackAnswers
{
    public const string Unavailable = "CallbacksUnavailable";
    public const string UnknownCallback = "UnknownCallback";
    public const string AlreadyTaken = "CallbackAlreadyTaken";
    public const string Closed = "CallbackClosed";
    public const string NotTaken = "CallbackNotTaken";
    public const string NotYours = "NotYourCallback";
    public const string NotAnAgent = "NotAnAgent";

    public static async Task<CallbackRequest?> VisibleRequestAsync(CallbackStore store, string uuid, IReadOnlyDictionary<string, CallbackList> lists) =>
        await store.RequestAsync(uuid) is { } r && lists.ContainsKey(r.ListUuid) ? r : null;

    public static async Task<IReadOnlyDictionary<string, PreferredPeriod>> PeriodsAsync(CallbackStore store) => (await store.PeriodsAsync()).ToDictionary(p => p.Uuid);

    /// <summary>Publishes the change cluster-wide; the feeds leave out the sending session (it has its answer).</summary>
    public static async Task<RequestView> PublishAsync(SessionContext session, CallbackStore store, string kind, CallbackRequest request, int? agentId = null, string? ticket = null)
    {
        var view = RequestView.Of(request, await PeriodsAsync(store));
        CallbackEvent.Publish(session.System, new CallbackEvent(kind, request.ListUuid, view, agentId, ticket) { Origin = Akka.Serialization.Serialization.SerializedActorPath(session.Session) });
        return view;
    }

    public static CtiError Unknown(string command, string uuid) => Error(UnknownCallback, $"{command}: no callback request '{CallbackRules.Cut(uuid)}' on a list you see");

    public static CtiError Refused(string command, CallbackResult result, string what = "request") => result.Outcome switch
    {
        CallbackOutcome.NotFound => Error(UnknownCallback, $"{command}: no callback {what}"),
        CallbackOutcome.Closed => Error(Closed, $"{command}: the callback request {result.Request?.Uuid} is closed"),
        CallbackOutcome.TakenByOther => Error(AlreadyTaken, $"{command}: the callback request {result.Request?.Uuid} is taken by agent {result.Request?.AgentId}"),
        CallbackOutcome.NotTaken => Error(NotTaken, $"{command}: take the callback request {result.Request?.Uuid} first"),
        _ => Error(NotYours, $"{command}: the callback {what} is another agent's"),
    };

    public static CtiError Error(string code, string message) => new(code, message);
}
