using System.Text;
using Xuc.PbxSim.Model;

namespace Xuc.Bench.Sim;

/// <summary>
/// Drives queue calls through the simulator's model and keeps the AMI text it emits: answered calls to direct
/// (PJSIP) members and to Local members (optimised and kept with /n), a ring-no-answer then answer, an abandon.
/// </summary>
public sealed class SimCallMix : IAmiEventSink
{
    private readonly StringBuilder? _text;
    private readonly PbxModel _model;

    public SimCallMix(SimEventLevel level, bool keepText)
    {
        _text = keepText ? new StringBuilder(1 << 20) : null;
        _model = new PbxModel { EventLevel = level };
        foreach (var exten in new[] { "1001", "1002", "1003", "1004", "1005", "1006" }) _model.AddEndpoint(exten);
        _model.AddQueue("direct", "3800", QueueStrategy.RingAll);
        _model.AddMember("direct", "PJSIP/1001", "Agent 1001");
        _model.AddMember("direct", "PJSIP/1002", "Agent 1002");
        _model.AddQueue("local", "3801", QueueStrategy.RingAll);
        _model.AddMember("local", "Local/1003@agents", "Agent 1003", stateInterface: "PJSIP/1003");
        _model.AddMember("local", "Local/1004@agents", "Agent 1004", stateInterface: "PJSIP/1004");
        _model.AddQueue("local-n", "3802", QueueStrategy.RingAll);
        _model.AddMember("local-n", "Local/1005@agents/n", "Agent 1005", stateInterface: "PJSIP/1005");
        _model.AddMember("local-n", "Local/1006@agents/n", "Agent 1006", stateInterface: "PJSIP/1006");
        _model.Subscribe(this);
    }

    public long Events { get; private set; }
    public long Bytes { get; private set; }
    public string Text => _text?.ToString() ?? "";

    public void SendEvent(string text)
    {
        Events++;
        Bytes += text.Length;
        _text?.Append(text);
    }

    /// <summary>One answered call into a queue ("direct", "local", "local-n"), the member answering first hanging up last.</summary>
    public void AnsweredCall(string queue)
    {
        var (number, answerer) = queue switch { "direct" => ("3800", "1002"), "local" => ("3801", "1004"), _ => ("3802", "1005") };
        var caller = _model.ExternalCall("0612345678", number);
        _model.Answer(answerer);
        _model.Hangup(caller);
    }

    /// <summary>The mix: answered direct, answered Local, answered Local /n, ring-no-answer then answer, abandon.</summary>
    public void MixedRound()
    {
        AnsweredCall("direct");
        AnsweredCall("local");
        AnsweredCall("local-n");
        var caller = _model.ExternalCall("0611111111", "3802");
        _model.RingTimeout("1006");
        _model.Answer("1005");
        _model.Hangup(caller);
        _model.Hangup(_model.ExternalCall("0622222222", "3801"));
    }
}
