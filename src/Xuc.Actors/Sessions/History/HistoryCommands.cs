using Xuc.Actors.Sessions.Commands;

namespace Xuc.Actors.Sessions.History;

// The call history's commands (docs/cti-websocket.md, "Call history"): size and days are JSON integers, queue a string.

/// <summary><c>getUserCallHistory {size}</c>: the calls of the user's line, newest first.</summary>
public sealed record GetUserCallHistory(long Size) : ICtiCommand;

/// <summary><c>getAgentCallHistory {size}</c>: the calls of the user's agent.</summary>
public sealed record GetAgentCallHistory(long Size) : ICtiCommand;

/// <summary><c>getQueueCallHistory {queue, size}</c>: the calls of the queues whose name contains <c>queue</c>.</summary>
public sealed record GetQueueCallHistory(string Queue, long Size) : ICtiCommand;

/// <summary><c>getUserCallHistoryByDays {days}</c>: the calls of the user's line over the last days.</summary>
public sealed record GetUserCallHistoryByDays(long Days) : ICtiCommand;

/// <summary>
/// <c>findCustomerCallHistory {id, request:{filters:[{field, operator, value}], size}}</c>: the calls of a customer's
/// number (a CRM pop-up), answered with the request's <c>id</c>.
/// </summary>
public sealed record FindCustomerCallHistory(long Id, IReadOnlyList<CustomerCallFilter> Filters, long Size) : ICtiCommand;

/// <summary>One filter of <see cref="FindCustomerCallHistory"/>: <c>src_num</c> or <c>dst_num</c> <c>=</c> a number.</summary>
public sealed record CustomerCallFilter(string Field, string Operator, string Value);

public sealed class HistoryFeature : ICtiFeature
{
    public const string Customer = "findCustomerCallHistory";

    public const string User = "getUserCallHistory";
    public const string Agent = "getAgentCallHistory";
    public const string Queue = "getQueueCallHistory";
    public const string UserByDays = "getUserCallHistoryByDays";

    public IEnumerable<CtiCommandDefinition> Commands
    {
        get
        {
            var handler = new CallHistoryHandler();
            yield return CtiCommandDefinition.Of(User, CtiProfiles.Everyone, a => new GetUserCallHistory(a.Whole("size")), handler);
            yield return CtiCommandDefinition.Of(Agent, CtiProfiles.Everyone, a => new GetAgentCallHistory(a.Whole("size")), handler);
            // PROTOCOL.md §3: a queue's calls are not a NoRight user's own data.
            yield return CtiCommandDefinition.Of(Queue, CtiProfiles.Supervisors, a => new GetQueueCallHistory(a.String("queue"), a.Whole("size")), handler);
            yield return CtiCommandDefinition.Of(UserByDays, CtiProfiles.Everyone, a => new GetUserCallHistoryByDays(a.Whole("days")), handler);
            // Everyone: what a profile may see of the customer's calls is decided by the handler (its lines and queues).
            yield return CtiCommandDefinition.Of(Customer, CtiProfiles.Everyone, DecodeCustomer, new CustomerCallHistoryHandler());
        }
    }

    private static FindCustomerCallHistory DecodeCustomer(CommandArguments a)
    {
        var request = a.Object("request");
        var filters = request.Objects("filters", maxCount: 10)
            .Select(f => new CustomerCallFilter(f.String("field", 40), f.OptionalString("operator", 10) ?? "=", f.String("value", 80)))
            .ToList();
        return new FindCustomerCallHistory(a.Whole("id"), filters, request.Whole("size"));
    }
}
