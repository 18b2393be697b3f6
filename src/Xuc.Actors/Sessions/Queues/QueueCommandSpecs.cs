using Newtonsoft.Json.Linq;
using Xuc.Actors.Configuration.Model;

namespace Xuc.Actors.Sessions.Queues;

/// <summary>The queue commands' arguments for <see cref="CommandCatalog"/>: ids and seconds are JSON integers.</summary>
public static class QueueCommandSpecs
{
    private static CommandArgument Integer(string name, bool required = true) => new(name, [JTokenType.Integer], required);

    public static IEnumerable<CommandSpec> All(IReadOnlySet<ProfileKind> everyone) =>
    [
        new(QueueCommands.SubscribeToQueueStats, [], everyone, true),
        new(QueueCommands.SubscribeToQueueCalls, [Integer("queueId")], everyone, true),
        new(QueueCommands.UnSubscribeToQueueCalls, [Integer("queueId")], everyone, true),
        new(QueueCommands.GetQueueStatistics, [Integer("queueId"), Integer("window"), Integer("xqos", required: false)], everyone, true),
    ];
}
