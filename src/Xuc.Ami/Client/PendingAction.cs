using Xuc.Ami.Events;
using Xuc.Ami.Framing;

namespace Xuc.Ami.Client;

/// <summary>An action waiting for its response (and, for a list action, its events up to <c>...Complete</c>).</summary>
internal sealed class PendingAction(string name, bool isList)
{
    private readonly TaskCompletionSource<AmiEventList> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<AmiEvent> _items = [];
    private AmiResponse? _response;

    public string Name { get; } = name;
    public bool IsList { get; } = isList;
    public Task<AmiEventList> Task => _done.Task;

    /// <returns>true when the action is finished.</returns>
    public bool OnResponse(AmiMessage message)
    {
        _response = new AmiResponse(message);
        if (IsList && _response.IsSuccess) return false;
        return _done.TrySetResult(new AmiEventList(_response, [], null));
    }

    /// <returns>true when the list is finished.</returns>
    public bool OnListEvent(AmiMessage message)
    {
        var ev = AmiEvents.From(message);
        var isEnd = message.ValueEquals("EventList", "Complete") || (message.EventName?.EndsWith("Complete", StringComparison.Ordinal) ?? false);
        if (!isEnd)
        {
            _items.Add(ev);
            return false;
        }
        return _done.TrySetResult(new AmiEventList(_response ?? new AmiResponse(AmiMessage.From(("Response", "Success"))), _items.ToArray(), ev));
    }

    public void Fail(Exception e) => _done.TrySetException(e);
}
