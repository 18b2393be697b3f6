using Akka.Actor;
using Akka.Event;
using Newtonsoft.Json.Linq;
using Xuc.Actors.Entities.Line;
using Xuc.Actors.Messages.Events;
using Xuc.Actors.Messages.Pbx;
using Xuc.Actors.Messages.Queries;
using Xuc.Actors.Sessions.Outbound;
using Xuc.Ami.Actions;
using static Xuc.Actors.Sessions.Phone.PhoneCommands;

namespace Xuc.Actors.Sessions.Phone;

/// <summary>
/// Runs a session's phone commands one at a time (a child of its <see cref="SessionActor"/>): reads what the command
/// needs (the user's line from the Line entity, the PBX's channels, a variable), sends the AMI actions
/// <see cref="PhoneCommands"/> translates it to, in order, and answers the session with a <see cref="CtiError"/> when
/// the command is refused — by its arguments, the line's state or the PBX (its reason quoted). A command the PBX
/// accepted gets no answer of its own: its effect shows in the phone events.
/// </summary>
public sealed class PhoneCommandActor : ReceiveActor
{
    private static readonly TimeSpan LineTimeout = TimeSpan.FromSeconds(5);

    private readonly SessionUser _user;
    private readonly IActorRef _lines;
    private readonly PhoneControl? _services;
    private readonly ILoggingAdapter _log = Context.GetLogger();

    public PhoneCommandActor(SessionUser user, IActorRef lines, PhoneControl? services)
    {
        _user = user;
        _lines = lines;
        _services = services;
        ReceiveAsync<ClientCommand>(async c =>
        {
            var session = Sender;
            try
            {
                await RunAsync(c.Command, c.Frame);
            }
            catch (PhoneCommandRefused refused)
            {
                session.Tell(new CtiError(refused.Code, refused.Message));
            }
            catch (AskTimeoutException)
            {
                session.Tell(new CtiError(PhoneErrors.PbxUnavailable, $"{c.Command}: the line's state did not come in time"));
            }
            catch (Exception e)
            {
                // A bug, not the user's doing: logged with its stack, the user told, the actor kept for the next command.
                _log.Error(e, "{0} of {1} failed", c.Command, _user.User.Login);
                session.Tell(new CtiError(PhoneErrors.Failed, $"{c.Command}: failed ({e.GetType().Name})"));
            }
        });
        // A call placed for the user failed later: the session that asked is told (its parent: this actor is its child).
        Receive<PbxCallFailed>(f =>
        {
            if (!_placed.Remove(f.ActionId, out var placed)) return;
            _log.Info("{0} of {1} to {2} failed: {3} {4}", placed.Command, _user.User.Login, placed.Destination, f.Channel, f.Reason);
            Context.Parent.Tell(new CtiError(PhoneErrors.CallFailed, $"{placed.Command} to {placed.Destination} failed: {f.Channel} {f.Reason}"));
        });
    }

    /// <summary>The calls this session placed that the PBX may still fail, by the Originate's ActionID (forgotten after <see cref="Ami.OriginateOutcomes.Keep"/>).</summary>
    private readonly Dictionary<string, (string Command, string Destination, DateTimeOffset At)> _placed = new(StringComparer.Ordinal);

    public static Props PropsFor(SessionUser user, IActorRef lines, PhoneControl? services)
        => Props.Create(() => new PhoneCommandActor(user, lines, services));

    private async Task RunAsync(string command, JObject f)
    {
        if (_services is null) throw new PhoneCommandRefused(PhoneErrors.PbxUnavailable, $"{command}: no PBX connection on this node");
        switch (command)
        {
            case Dial:
            case Originate:
                await PlaceAsync(command, DialFromPhone(_user.User, Line(command), PhoneArguments.Destination(command, f),
                    PhoneArguments.Variables(command, f, forOriginate: true)));
                break;
            case DialByUsername:
            {
                var line = Line(command);
                var login = (string)f["username"]!;
                var callee = await _services.Directory.FindUserAsync(login);
                if (callee?.Line is not { } calleeLine)
                    throw new PhoneCommandRefused(PhoneErrors.UnknownUser, callee is null ? $"{command}: no user '{login}'" : $"{command}: {login} has no line");
                await PlaceAsync(command, DialFromPhone(_user.User, line, calleeLine.Number, PhoneArguments.Variables(command, f, forOriginate: true)));
                break;
            }
            case DialFromMobile:
                await PlaceAsync(command, DialFromMobilePhone(_user.User, _user.Line, PhoneArguments.Destination(command, f),
                    PhoneArguments.Variables(command, f, forOriginate: true)));
                break;
            case DialFromQueue:
            {
                var destination = PhoneArguments.Destination(command, f);
                var id = PhoneArguments.QueueId(command, f);
                var variables = PhoneArguments.Variables(command, f, forOriginate: true);
                var queue = await _services.Directory.FindQueueAsync(id) ?? throw new PhoneCommandRefused(PhoneErrors.UnknownQueue, $"{command}: no queue {id}");
                await PlaceAsync(command, DialFromQueueMember(queue, destination, (string?)f["callerIdName"] ?? "", (string?)f["callerIdNumber"] ?? "", variables));
                break;
            }
            case Hangup:
                await SendAsync(command, HangupCall(await ChannelsAsync(command), (string?)f["uniqueId"]));
                break;
            case Answer:
                await SendAsync(command, AnswerCall(Line(command), await ChannelsAsync(command), (string?)f["uniqueId"]));
                break;
            case Hold:
                await SendAsync(command, HoldCall(Line(command), await ChannelsAsync(command), (string?)f["uniqueId"]));
                break;
            case DirectTransfer:
            {
                var destination = PhoneArguments.Destination(command, f);
                await SendAsync(command, BlindTransfer(Line(command), await ChannelsAsync(command), destination));
                break;
            }
            case AttendedTransfer:
            {
                var destination = PhoneArguments.Destination(command, f);
                await SendAsync(command, StartAttendedTransfer(Line(command), await ChannelsAsync(command), destination));
                break;
            }
            case CompleteTransfer:
                await SendAsync(command, Complete(await TransfererAsync(command)));
                break;
            case CancelTransfer:
                await SendAsync(command, Cancel(await TransfererAsync(command)));
                break;
            case SendDtmf:
            {
                var key = PhoneArguments.Key(command, f);
                await SendAsync(command, Dtmf(await ChannelsAsync(command), key));
                break;
            }
            case SetData:
            {
                var variables = PhoneArguments.Variables(command, f, forOriginate: false);
                var channels = await ChannelsAsync(command);
                var pbxChannels = await PbxChannelsAsync(command);
                foreach (var action in AttachData(channels, pbxChannels, variables)) await SendAsync(command, action);
                break;
            }
            case ToggleMicrophone:
            {
                var call = MicrophoneCall(await ChannelsAsync(command), (string)f["uniqueId"]!);
                var muted = (await SendAsync(command, new GetvarAction { Channel = call.Name, Variable = MutedVariable }))["Value"] == "1";
                foreach (var action in Microphone(call.Name, muted)) await SendAsync(command, action);
                break;
            }
            default:
                throw new PhoneCommandRefused(CtiErrors.NotImplemented, $"{command} is not a phone command");
        }
    }

    private Configuration.Model.Line Line(string command)
        => _user.Line ?? throw new PhoneCommandRefused(PhoneErrors.NoLine, $"{command}: {_user.User.Login} has no line");

    private async Task<IReadOnlyList<Channel>> ChannelsAsync(string command)
    {
        var line = Line(command);
        return (await _lines.Ask<LineSnapshot>(new GetLineState(line.Interface), LineTimeout)).Channels;
    }

    private async Task<IReadOnlyList<AmiEventData>> PbxChannelsAsync(string command)
        => (await SendAsync(command, new CoreShowChannelsAction(), list: true)).Items;

    /// <summary>The transferer channel of the attended transfer on the user's line, confirmed by its target's ATTENDEDTRANSFER.</summary>
    private async Task<string> TransfererAsync(string command)
    {
        var channels = await ChannelsAsync(command);
        if (TransferInProgress(channels, await PbxChannelsAsync(command)) is { } transfer)
        {
            var result = await _services!.Pbx.Send(new GetvarAction { Channel = transfer.Target, Variable = AttendedTransferVariable }, _services.ActionTimeout);
            if (result is PbxAnswered answered && answered["Value"] == transfer.Transferer) return transfer.Transferer;
        }
        throw new PhoneCommandRefused(PhoneErrors.NoTransfer, $"{command}: no attended transfer in progress on your line");
    }

    /// <summary>An Originate placing a call for the user, watched: if the call fails before it is answered, <see cref="PbxCallFailed"/> comes back here.</summary>
    private async Task PlaceAsync(string command, OriginateAction originate)
    {
        var self = Self;
        var answered = await SendAsync(command, originate, watcher: self);
        var now = DateTimeOffset.UtcNow;
        foreach (var old in _placed.Where(p => now - p.Value.At > Ami.OriginateOutcomes.Keep).Select(p => p.Key).ToList()) _placed.Remove(old);
        if (answered["ActionID"] is { } id) _placed[id] = (command, originate.Exten ?? "", now);
    }

    /// <summary>Sends one action; anything but the PBX's acceptance is a refusal naming the command, the action and the reason.</summary>
    private async Task<PbxAnswered> SendAsync(string command, AmiAction action, bool list = false, IActorRef? watcher = null)
    {
        var services = _services!;
        var result = list ? await services.Pbx.SendList(action, services.ActionTimeout)
            : watcher is not null && action is OriginateAction originate ? await services.Pbx.SendWatched(originate, services.ActionTimeout, watcher)
            : await services.Pbx.Send(action, services.ActionTimeout);
        switch (result)
        {
            case PbxAnswered answered:
                return answered;
            case PbxRefused refused:
                _log.Info("{0} of {1}: the PBX refused {2}: {3}", command, _user.User.Login, refused.Action, refused.Reason);
                throw new PhoneCommandRefused(PhoneErrors.PbxRefused, $"{command}: the PBX refused {refused.Action}: {refused.Reason}");
            case PbxTimedOut timedOut:
                throw new PhoneCommandRefused(PhoneErrors.PbxUnavailable, $"{command}: the PBX did not answer {timedOut.Action} within {timedOut.Timeout.TotalSeconds:0.###} s");
            case PbxLinkDown down:
                throw new PhoneCommandRefused(PhoneErrors.PbxUnavailable, $"{command}: no link to the PBX ({down.Reason})");
            default:
                throw new PhoneCommandRefused(PhoneErrors.PbxUnavailable, $"{command}: unexpected answer {result.GetType().Name}");
        }
    }
}
