using Xuc.Actors.Configuration.Model;
using Xuc.Actors.Directory;
using Akka.Actor;
using Xuc.Actors.Sessions.Outbound;
using LineConfig = Xuc.Actors.Configuration.Model.Line;

namespace Xuc.Actors.Sessions.Phone;

/// <summary>
/// The node's line feeds (<c>/user/line-feeds</c>, node-local): one <see cref="LineFeedActor"/> per line some session of
/// this node follows (its own line, or a watched hint), started on the first and stopped when the last leaves.
/// Resolves hint numbers to lines through the configuration; an unknown number gets status -2 at once.
/// </summary>
public sealed class LineFeedsActor : ReceiveActor
{
    private readonly IActorRef _lines;
    private readonly IActorRef _mediator;
    private readonly Func<string, LineConfig?> _lineOfNumber;
    private readonly Func<IReadOnlyList<SheetField>>? _sheetFields;
    private readonly CallerNames? _names;
    private readonly Dictionary<string, (IActorRef Feed, long Joins)> _feeds = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<IActorRef, HashSet<string>> _hintLines = [];
    private long _next;

    public LineFeedsActor(IActorRef lines, IActorRef mediator, Func<string, LineConfig?> lineOfNumber, Func<IReadOnlyList<SheetField>>? sheetFields = null, CallerNames? names = null)
    {
        _names = names;
        _sheetFields = sheetFields;
        _lines = lines;
        _mediator = mediator;
        _lineOfNumber = lineOfNumber;
        Receive<JoinLineFeed>(j => Feed(j.LineId).Forward(j));
        Receive<GetCurrentCalls>(g => Feed(g.LineId).Forward(g));
        Receive<WatchPhoneHints>(Watch);
        Receive<UnwatchPhoneHints>(u => Unwatch(u.Session));
        Receive<FeedIdle>(idle =>
        {
            if (!_feeds.TryGetValue(idle.LineId, out var f) || f.Feed != Sender || f.Joins != idle.Joins) return;
            _feeds.Remove(idle.LineId);
            Context.Stop(Sender);
        });
        Receive<Terminated>(t => _hintLines.Remove(t.ActorRef));
    }

    private void Watch(WatchPhoneHints w)
    {
        foreach (var number in w.Numbers.Distinct(StringComparer.Ordinal))
        {
            if (_lineOfNumber(number) is not { Interface.Length: > 0 } line)
            {
                w.Session.Tell(new FeedFrame(PreEncoded.Of(new PhoneHintStatusEvent(number, PhoneHintStatus.UnknownNumber))));
                continue;
            }
            if (!_hintLines.TryGetValue(w.Session, out var lines))
            {
                _hintLines[w.Session] = lines = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                Context.Watch(w.Session);
            }
            lines.Add(line.Interface);
            Feed(line.Interface).Tell(new WatchHint(number, w.Session));
        }
    }

    private void Unwatch(IActorRef session)
    {
        if (!_hintLines.Remove(session, out var lines)) return;
        Context.Unwatch(session);
        foreach (var line in lines)
            if (_feeds.TryGetValue(line, out var f)) f.Feed.Tell(new UnwatchHint(session));
    }

    /// <summary>The line's feed, started if there is none; each use counts as a join (see <see cref="FeedIdle"/>).</summary>
    private IActorRef Feed(string lineId)
    {
        var (feed, joins) = _feeds.TryGetValue(lineId, out var f)
            ? f
            : (Context.ActorOf(LineFeedActor.PropsFor(lineId, _lines, _mediator, _sheetFields, _names), $"line-{++_next}"), 0L);
        _feeds[lineId] = (feed, joins + 1);
        return feed;
    }

    /// <summary>
    /// A feed that fails on a message keeps its sessions and view (Resume): restarting it would silently drop every
    /// session of the line; a view gone wrong is put right by the next gap's snapshot.
    /// </summary>
    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(_ => Directive.Resume);

    public static Props PropsFor(IActorRef lines, IActorRef mediator, Func<string, LineConfig?> lineOfNumber, Func<IReadOnlyList<SheetField>>? sheetFields = null,
        CallerNames? names = null)
        => Props.Create(() => new LineFeedsActor(lines, mediator, lineOfNumber, sheetFields, names));
}
