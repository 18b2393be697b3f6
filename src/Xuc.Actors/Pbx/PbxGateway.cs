using Akka.Actor;
using Xuc.Ami.Actions;
using Xuc.Actors.Messages.Pbx;

namespace Xuc.Actors.Pbx;

/// <summary>
/// The way back to the PBX from any node: <c>await pbx.Send(new QueueAddAction { ... }, timeout)</c> asks the AMI
/// connection singleton (through its proxy) and returns what the PBX said as a <see cref="PbxResult"/>. From an
/// actor, pipe the task to Self.
/// </summary>
public sealed class PbxGateway(IActorRef amiConnectionProxy)
{
    /// <summary>How much longer than the action's own timeout to wait for the singleton's answer (the hop, a handover).</summary>
    public static readonly TimeSpan Margin = TimeSpan.FromSeconds(5);

    public Task<PbxResult> Send(AmiAction action, TimeSpan timeout) => Ask(new PbxRequest(PbxAction.From(action), false, timeout));

    /// <summary>
    /// An asynchronous Originate: answered like <see cref="Send"/>, and if the call it places then fails before the
    /// destination answers, the actor <paramref name="asker"/> is told with a <see cref="PbxCallFailed"/>.
    /// </summary>
    public Task<PbxResult> SendWatched(OriginateAction action, TimeSpan timeout, IActorRef asker)
        => Ask(new PbxRequest(PbxAction.From(action), false, timeout, asker));

    /// <summary>An action answered by an event list; its items are in <see cref="PbxAnswered.Items"/>.</summary>
    public Task<PbxResult> SendList(AmiAction action, TimeSpan timeout) => Ask(new PbxRequest(PbxAction.From(action), true, timeout));

    private async Task<PbxResult> Ask(PbxRequest request)
    {
        try
        {
            return await amiConnectionProxy.Ask<PbxResult>(request, request.Timeout + Margin);
        }
        catch (AskTimeoutException)
        {
            // The singleton itself did not answer: not started, or moving to another node.
            return new PbxLinkDown(request.Action.Name, "the AMI connection did not answer");
        }
    }
}
