using Xuc.PbxSim.Protocol;

namespace Xuc.PbxSim.Model;

public sealed partial class PbxModel
{
    public Endpoint AddEndpoint(string exten, string context = "default", string? name = null, EndpointBehaviour behaviour = EndpointBehaviour.Manual)
    {
        lock (_gate)
        {
            var ep = new Endpoint(exten, Tech, context, name ?? exten) { Behaviour = behaviour };
            _endpoints[exten] = ep;
            _deviceStates[ep.Device] = "NOT_INUSE";
            return ep;
        }
    }

    public void SetEndpointBehaviour(string exten, EndpointBehaviour behaviour, TimeSpan? answerDelay = null)
    {
        lock (_gate)
        {
            var ep = RequireEndpoint(exten);
            ep.Behaviour = behaviour;
            if (answerDelay is { } d) ep.AnswerDelay = d;
        }
    }

    /// <summary>Every phone's behaviour at once (the demo makes them all answer after a short ring).</summary>
    public void SetAllEndpointsBehaviour(EndpointBehaviour behaviour, TimeSpan answerDelay)
    {
        lock (_gate)
            foreach (var ep in _endpoints.Values) { ep.Behaviour = behaviour; ep.AnswerDelay = answerDelay; }
    }

    public IReadOnlyList<Endpoint> Endpoints { get { lock (_gate) return _endpoints.Values.ToList(); } }

    private Endpoint RequireEndpoint(string exten)
        => _endpoints.TryGetValue(exten, out var ep) ? ep : throw new SimulationException($"no endpoint {exten}");

    private Endpoint? EndpointOfDevice(string device)
        => _endpoints.Values.FirstOrDefault(e => e.Device.Equals(device, StringComparison.OrdinalIgnoreCase));

    /// <summary>Voicemail: sets the counts and raises MessageWaiting as app_voicemail does.</summary>
    public void SetMailbox(string exten, int newMessages, int oldMessages)
    {
        lock (_gate)
        {
            var ep = RequireEndpoint(exten);
            ep.NewMessages = newMessages;
            ep.OldMessages = oldMessages;
            Emit(AmiText.Event("MessageWaiting", "call,all").Add("Mailbox", $"{ep.Exten}@{ep.Context}")
                .Add("Waiting", newMessages > 0 ? "1" : "0").Add("New", newMessages).Add("Old", oldMessages));
        }
    }

    internal (int New, int Old)? Mailbox(string mailbox)
    {
        var exten = mailbox.Split('@')[0];
        return _endpoints.TryGetValue(exten, out var ep) ? (ep.NewMessages, ep.OldMessages) : null;
    }

    /// <summary>A phone registers or goes away (device state UNAVAILABLE).</summary>
    public void SetRegistered(string exten, bool registered)
    {
        lock (_gate)
        {
            RequireEndpoint(exten).Registered = registered;
            UpdateDeviceState(_endpoints[exten].Device);
        }
    }
}
