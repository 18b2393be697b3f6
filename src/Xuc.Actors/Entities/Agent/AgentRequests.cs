using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Xuc.Actors.Messages.Events;
using Xuc.Actors.PubSub;
using Xuc.Actors.Configuration;
using Xuc.Actors.Messages.Commands;
using Xuc.Actors.Messages.Pbx;
using Xuc.Actors.Pbx;
using Xuc.Actors.Routing;
using Xuc.Ami.Actions;
using AgentConfig = Xuc.Actors.Configuration.Model.Agent;

namespace Xuc.Actors.Entities.Agent;

/// <summary>
/// The PBX side of an agent's requests: which AMI actions each one sends and what their answers mean. It reads the
/// agent's state as it was when the request started (the entity runs one request at a time) and never changes it:
/// the state follows the member events the PBX sends back.
/// </summary>
public sealed class AgentRequests(ActorSystem system, PbxGateway pbx, EntityConfigDirectory directory, IActorRef agents)
{
    public static readonly TimeSpan ActionTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan RegistryTimeout = TimeSpan.FromSeconds(5);

    /// <summary>The agent's name on the PBX (QueueAdd's MemberName).</summary>
    public static string MemberName(AgentConfig config) => "Agent/" + config.Number;

    public async Task<AgentRequestOutcome> Login(AgentState s, AgentConfig config, AgentLoginRequest r)
    {
        if (directory.LineByNumber(r.PhoneNumber) is not { } line)
            return new AgentRequestOutcome(s.AgentId, AgentErrors.PhoneNumberUnknown);
        if (s.LoggedIn)
            return s.PhoneNumber == r.PhoneNumber
                ? new AgentRequestOutcome(s.AgentId, PhoneNb: s.PhoneNumber)
                : new AgentRequestOutcome(s.AgentId, AgentErrors.LoggedInOnAnotherPhone, PhoneNb: s.PhoneNumber, RequestedNb: r.PhoneNumber);

        // A line held by another agent is taken over: he is logged out first (and told so on his sessions).
        if (await AgentInterfaces.HolderAsync(system, line.Interface, RegistryTimeout) is { } holder && holder != s.AgentId)
        {
            var other = await agents.Ask<AgentRequestOutcome>(new AgentLogoutRequest(holder, new AgentRequester(r.By.Login, null)), ActionTimeout * 2);
            if (!other.Ok && other.Error != AgentErrors.AgentNotLoggedIn) return other with { AgentId = s.AgentId };
        }
        // The router must know the line is his before the PBX reports him added: the registry, and at once the
        // agent-logins topic (the registry's change notifications come on an interval).
        await AgentInterfaces.SetAsync(system, line.Interface, s.AgentId, RegistryTimeout);
        DistributedPubSub.Get(system).Mediator.Tell(new Publish(Topics.AgentLogins, new AgentLoggedIn(s.AgentId, line.Number, line.Interface, DateTimeOffset.UtcNow)));

        var adds = config.DefaultQueues
            .Select(m => (Queue: directory.QueueById(m.QueueId), m.Penalty))
            .Where(m => m.Queue is not null)
            .Select(m => new QueueAddAction
            {
                Queue = m.Queue!.Name, Interface = m.Queue.MemberInterfaceFor(line), Penalty = m.Penalty.ToString(),
                MemberName = MemberName(config), StateInterface = line.Interface,
            })
            .ToList();
        var results = await Task.WhenAll(adds.Select(a => pbx.Send(a, ActionTimeout)));
        if (results.All(x => x is PbxAnswered))
            return new AgentRequestOutcome(s.AgentId, PhoneNb: line.Number)
            {
                Joined = adds.Select(a => (a.Queue, directory.Queue(a.Queue)?.Id ?? 0, a.Interface)).ToArray(),
            };

        // Not all queues took him: take him out of those that did, so a failed login changes nothing.
        var taken = adds.Zip(results).Where(x => x.Item2 is PbxAnswered).Select(x => x.Item1).ToList();
        await Task.WhenAll(taken.Select(a => pbx.Send(new QueueRemoveAction { Queue = a.Queue, Interface = a.Interface }, ActionTimeout)));
        return Failure(s.AgentId, adds.Zip(results).First(x => x.Item2 is not PbxAnswered), a => a.Queue) with
        {
            Undone = taken.Select(a => (a.Queue, a.Interface)).ToArray(),
        };
    }

    public async Task<AgentRequestOutcome> Logout(AgentState s)
    {
        if (!s.LoggedIn) return new AgentRequestOutcome(s.AgentId, AgentErrors.AgentNotLoggedIn);
        var removes = s.Memberships.Select(m => new QueueRemoveAction { Queue = m.Queue, Interface = m.Interface }).ToList();
        var results = await Task.WhenAll(removes.Select(a => pbx.Send(a, ActionTimeout)));
        return results.All(x => x is PbxAnswered)
            ? new AgentRequestOutcome(s.AgentId, PhoneNb: s.PhoneNumber)
            : Failure(s.AgentId, removes.Zip(results).First(x => x.Item2 is not PbxAnswered), a => a.Queue);
    }

    public async Task<AgentRequestOutcome> Pause(AgentState s, AgentPauseRequest r)
    {
        if (!s.LoggedIn) return new AgentRequestOutcome(s.AgentId, AgentErrors.AgentNotLoggedIn);
        var pauses = s.Memberships.Select(m => m.Interface).Distinct()
            .Select(i => new QueuePauseAction { Interface = i, Paused = r.Pause ? "true" : "false", Reason = r.Pause ? r.Reason : null })
            .ToList();
        var results = await Task.WhenAll(pauses.Select(a => pbx.Send(a, ActionTimeout)));
        return results.All(x => x is PbxAnswered)
            ? new AgentRequestOutcome(s.AgentId, PhoneNb: s.PhoneNumber)
            : Failure(s.AgentId, pauses.Zip(results).First(x => x.Item2 is not PbxAnswered), a => a.Interface);
    }

    /// <summary>MixMonitorMute (Asterisk 13+; res_monitor's PauseMonitor is gone since Asterisk 21) on his talking channel.</summary>
    public async Task<AgentRequestOutcome> Monitor(AgentState s, AgentMonitorRequest r)
    {
        if (!s.LoggedIn) return new AgentRequestOutcome(s.AgentId, AgentErrors.AgentNotLoggedIn);
        if (s.TalkingChannel is not { } talking) return new AgentRequestOutcome(s.AgentId, AgentErrors.AgentNotOnCall, $"agent {s.AgentId} has no call up");
        // The channel the PBX records (his, or the caller's when app_queue records the queue call), else his own.
        var channel = s.TalkingRecording?.Channel ?? talking;
        var mute = new MixMonitorMuteAction { Channel = channel, Direction = "both", State = r.Pause ? "1" : "0" };
        var result = await pbx.Send(mute, ActionTimeout);
        return result is PbxAnswered ? new AgentRequestOutcome(s.AgentId, PhoneNb: s.PhoneNumber) : Failure(s.AgentId, (mute, result), a => a.Channel);
    }

    /// <summary>
    /// <c>listenAgent</c>: the supervisor's phone is called (Originate to his line) and, once he answers, runs
    /// ChanSpy on the agent's line: <c>Data</c> = the line's device and a dash (a channel-name prefix that matches
    /// <c>PJSIP/1001-0000002a</c>, never <c>PJSIP/10010-…</c>), options <c>b</c> (only a channel in a call: not while
    /// it rings) and <c>q</c> (no beep, no channel name spoken to the supervisor). Without <c>E</c> or <c>S</c>
    /// app_chanspy keeps the supervisor listening: when the agent's call ends it waits for his next one, until the
    /// supervisor hangs up. The spying's start and stop come back as ChanSpyStart / ChanSpyStop.
    /// </summary>
    public async Task<AgentRequestOutcome> Listen(AgentState s, AgentConfig config, AgentListenRequest r)
    {
        if (!s.LoggedIn || s.Interface is null) return new AgentRequestOutcome(s.AgentId, AgentErrors.AgentNotLoggedIn);
        if (s.TalkingChannel is null) return new AgentRequestOutcome(s.AgentId, AgentErrors.AgentNotOnCall, $"agent {s.AgentId} has no call up");
        var originate = ListenOriginate(s.Interface, r.ListenerInterface, config, s.PhoneNumber ?? "");
        var result = await pbx.Send(originate, ActionTimeout);
        return result is PbxAnswered ? new AgentRequestOutcome(s.AgentId, PhoneNb: s.PhoneNumber) : Failure(s.AgentId, (originate, result), a => a.Channel);
    }

    /// <summary>The Originate of a listen: to the listener's line, ChanSpy on the agent's; the caller id names the agent listened to.</summary>
    public static OriginateAction ListenOriginate(string agentInterface, string listenerInterface, AgentConfig config, string agentPhone) => new()
    {
        Channel = listenerInterface, Application = "ChanSpy", Data = agentInterface + "-,bq", Timeout = "30000",
        CallerId = $"\"Listen {config.FirstName} {config.LastName}\" <{agentPhone}>", Async = "true",
    };

    private static AgentRequestOutcome Failure<T>(string agentId, (T Action, PbxResult Result) failed, Func<T, string> what) where T : AmiAction
        => failed.Result switch
        {
            PbxRefused refused => new AgentRequestOutcome(agentId, AgentErrors.PbxRefused, $"{refused.Action} {what(failed.Action)}: {refused.Reason}"),
            PbxTimedOut t => new AgentRequestOutcome(agentId, AgentErrors.PbxUnavailable, $"{t.Action} {what(failed.Action)}: no answer from the PBX within {t.Timeout.TotalSeconds:0} s"),
            PbxLinkDown d => new AgentRequestOutcome(agentId, AgentErrors.PbxUnavailable, $"{d.Action} {what(failed.Action)}: {d.Reason}"),
            _ => new AgentRequestOutcome(agentId, AgentErrors.PbxUnavailable, failed.Result.Action),
        };
}
