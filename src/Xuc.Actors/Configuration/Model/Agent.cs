namespace Xuc.Actors.Configuration.Model;

/// <summary>A call-centre agent, its group and the queues it belongs to by default.</summary>
public sealed record Agent
{
    public int Id { get; init; }
    public string Number { get; init; } = "";
    public string FirstName { get; init; } = "";
    public string LastName { get; init; } = "";
    public int GroupId { get; init; }
    public string Context { get; init; } = "default";
    public IReadOnlyList<QueueMembership> DefaultQueues { get; init; } = [];
}

/// <summary>A queue an agent answers, with its penalty (0 = first asked).</summary>
public sealed record QueueMembership(int QueueId, int Penalty);
