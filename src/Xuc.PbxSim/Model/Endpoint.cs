namespace Xuc.PbxSim.Model;

/// <summary>A phone (PJSIP endpoint, or chan_sip peer when the simulator runs with SIP naming).</summary>
public sealed class Endpoint(string exten, string tech, string context, string callerIdName)
{
    public string Exten { get; } = exten;
    public string Tech { get; } = tech;
    public string Context { get; } = context;
    public string CallerIdName { get; set; } = callerIdName;
    public string Device => Tech + "/" + Exten;
    public EndpointBehaviour Behaviour { get; set; } = EndpointBehaviour.Manual;
    public TimeSpan AnswerDelay { get; set; } = TimeSpan.FromSeconds(2);
    public bool Registered { get; set; } = true;
    public bool DoNotDisturb { get; set; }
    public int NewMessages { get; set; }
    public int OldMessages { get; set; }
}
