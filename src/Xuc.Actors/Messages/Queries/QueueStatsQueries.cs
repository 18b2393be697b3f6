using Xuc.Actors.Routing;

namespace Xuc.Actors.Messages.Queries;

/// <summary>A question for a queue's statistics aggregator; the queue entity hands it on.</summary>
public interface IQueueStatsQuery : IWithQueueId;

/// <summary>Answered with <see cref="Events.QueueStatsSnapshot"/>.</summary>
public sealed record GetQueueStats(string QueueId) : IQueueStatsQuery;

/// <summary>The calls of the last <paramref name="WindowSeconds"/>; answered with <see cref="Events.QueueStatsWindow"/>.</summary>
public sealed record GetQueueStatsWindow(string QueueId, int WindowSeconds, int Xqos) : IQueueStatsQuery;
