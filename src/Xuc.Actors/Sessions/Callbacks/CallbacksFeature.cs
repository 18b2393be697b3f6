using Xuc.Actors.Callbacks;
using Xuc.Actors.Sessions.Commands;

namespace Xuc.Actors.Sessions.Callbacks;

// The callback commands (docs/callbacks.md, "Commands"), decoded here; CallbacksHandler runs them.

/// <summary><c>getCallbackLists</c>: the lists the user sees with their open requests, then their events.</summary>
public sealed record GetCallbackLists : ICtiCommand;

/// <summary><c>getCallbackPreferredPeriods</c>.</summary>
public sealed record GetCallbackPreferredPeriods : ICtiCommand;

/// <summary><c>findCallbackRequest {id, request:{filters, offset, limit}}</c>; <see cref="Limit"/> null: the most one answer carries.</summary>
public sealed record FindCallbackRequest(long Id, IReadOnlyList<CallbackFilter> Filters, long Offset, long? Limit) : ICtiCommand;

/// <summary><c>takeCallback {uuid}</c>.</summary>
public sealed record TakeCallback(string Uuid) : ICtiCommand;

/// <summary><c>releaseCallback {uuid}</c>.</summary>
public sealed record ReleaseCallback(string Uuid) : ICtiCommand;

/// <summary><c>startCallback {uuid, number}</c>: the number as the client sent it (string or integer).</summary>
public sealed record StartCallback(string Uuid, string Number) : ICtiCommand;

/// <summary><c>updateCallbackTicket {uuid, status, comment|description, dueDate?, periodUuid?}</c>: <see cref="Uuid"/> is the ticket's.</summary>
public sealed record UpdateCallbackTicket(string Uuid, string Status, string Comment, string? DueDate, string? PeriodUuid) : ICtiCommand;

public sealed class CallbacksFeature : ICtiFeature
{
    public const string GetLists = "getCallbackLists";
    public const string Find = "findCallbackRequest";
    public const string GetPeriods = "getCallbackPreferredPeriods";
    public const string Take = "takeCallback";
    public const string Release = "releaseCallback";
    public const string Start = "startCallback";
    public const string UpdateTicket = "updateCallbackTicket";

    public IEnumerable<CtiCommandDefinition> Commands
    {
        get
        {
            var handler = new CallbacksHandler();
            var everyone = CtiProfiles.Everyone;
            yield return CtiCommandDefinition.Of(GetLists, everyone, _ => new GetCallbackLists(), handler);
            yield return CtiCommandDefinition.Of(GetPeriods, everyone, _ => new GetCallbackPreferredPeriods(), handler);
            yield return CtiCommandDefinition.Of(Find, everyone, DecodeFind, handler);
            yield return CtiCommandDefinition.Of(Take, everyone, a => new TakeCallback(a.String("uuid")), handler);
            yield return CtiCommandDefinition.Of(Release, everyone, a => new ReleaseCallback(a.String("uuid")), handler);
            yield return CtiCommandDefinition.Of(Start, everyone, a => new StartCallback(a.String("uuid"), a.OptionalText("number") ?? throw new CommandArgumentException($"{Start}: 'number' is missing")), handler);
            yield return CtiCommandDefinition.Of(UpdateTicket, everyone, DecodeUpdate, handler);
        }
    }

    private static FindCallbackRequest DecodeFind(CommandArguments a)
    {
        var id = a.Whole("id");
        var request = a.Object("request");
        return new FindCallbackRequest(id, CallbackFilters.Parse(request.OptionalObjects("filters")), request.OptionalWhole("offset") ?? 0, request.OptionalWhole("limit"));
    }

    private static UpdateCallbackTicket DecodeUpdate(CommandArguments a)
    {
        var uuid = a.String("uuid");
        var status = a.String("status");
        if (!CallbackStatuses.All.Contains(status))
            throw new CommandArgumentException($"{UpdateTicket}: status '{CallbackRules.Cut(status)}' is not one of {string.Join(", ", CallbackStatuses.All)}");
        var dueDate = a.OptionalString("dueDate");
        if (dueDate is not null && !CallbackRules.IsDate(dueDate))
            throw new CommandArgumentException($"{UpdateTicket}: dueDate '{CallbackRules.Cut(dueDate)}' is not a date YYYY-MM-DD");
        var comment = a.OptionalString("comment") ?? a.OptionalString("description") ?? "";
        return new UpdateCallbackTicket(uuid, status, comment, dueDate, a.OptionalString("periodUuid"));
    }
}
