using Akka.Actor;
using LogLevel = Akka.Event.LogLevel;
using Newtonsoft.Json.Linq;
using Xuc.Host.Http;

namespace Xuc.Host.Ops;

/// <summary>
/// <c>PUT ops/log-level/{level}</c> (debug, info, warning, error): the Akka log level of the node asked, until it
/// restarts (the setting <c>XUC_AKKA_LOGLEVEL</c> gives the level it starts with).
/// </summary>
public static class LogLevelOps
{
    private static readonly Dictionary<string, LogLevel> Levels = new(StringComparer.OrdinalIgnoreCase)
    {
        ["debug"] = LogLevel.DebugLevel, ["info"] = LogLevel.InfoLevel, ["warning"] = LogLevel.WarningLevel, ["error"] = LogLevel.ErrorLevel,
    };

    public static void Map(RouteGroupBuilder ops)
    {
        ops.MapPut("/log-level/{level}", (string level, ActorSystem system) =>
        {
            if (!Levels.TryGetValue(level, out var akka))
                return WireJson.Error(400, "UnknownLogLevel", $"'{level}' is not a log level; one of {string.Join(", ", Levels.Keys)}");
            var before = system.EventStream.LogLevel;
            system.EventStream.SetLogLevel(akka);
            return WireJson.Json(new JObject
            {
                ["node"] = ((ExtendedActorSystem)system).Provider.DefaultAddress.ToString(),
                ["level"] = level.ToLowerInvariant(), ["was"] = Levels.FirstOrDefault(l => l.Value == before).Key ?? "off",
            });
        });
    }
}
