namespace Xuc.PbxSim.Model;

/// <summary>What a simulated phone does when it rings.</summary>
public enum EndpointBehaviour
{
    /// <summary>Rings until the control surface (or a test) answers, rejects or hangs up.</summary>
    Manual,
    /// <summary>Answers after <see cref="Endpoint.AnswerDelay"/>.</summary>
    AutoAnswer,
    /// <summary>Declines at once (busy).</summary>
    Reject,
    /// <summary>Never answers: the caller's ring timeout decides.</summary>
    NoAnswer,
}
