using System.CommandLine;
using Newtonsoft.Json.Linq;

namespace Xuc.Ctl;

/// <summary>Every verb: its words, its arguments, its request to the ops API and the table of its answer.</summary>
public static class Verbs
{
    public static IEnumerable<Command> All(Func<ParseResult, CtlProgram.Runner> runner)
    {
        var address = new Argument<string>("ADDR") { Description = "the member's address, as `cluster show` prints it (akka.tcp://xuc@host:port)" };
        var cluster = new Command("cluster", "the cluster's members (Akka.Cluster)");
        cluster.Subcommands.Add(Verb("show", "members, status, reachability, leader", runner, c => c.GetAsync("/cluster"), ClusterTable));
        cluster.Subcommands.Add(Verb("leave", "the member leaves the cluster gracefully (its shards and singletons move first)", runner,
            (c, p) => c.PostAsync("/cluster/leave", new JObject { ["address"] = p.GetValue(address) }), Done, address));
        var downAddress = new Argument<string>("ADDR") { Description = address.Description };
        cluster.Subcommands.Add(Verb("down", "marks the member down (for a node that is gone: it will not come back under this address)", runner,
            (c, p) => c.PostAsync("/cluster/down", new JObject { ["address"] = p.GetValue(downAddress) }), Done, downAddress));
        cluster.Subcommands.Add(Verb("down-unreachable", "marks every unreachable member down", runner, c => c.PostAsync("/cluster/down-unreachable"),
            a => a["downed"] is JArray { Count: > 0 } d ? "downed: " + string.Join(", ", d) + Environment.NewLine : "no unreachable member" + Environment.NewLine));
        yield return cluster;

        var sharding = new Command("cluster-sharding", "the shard regions (line, agent, queue)");
        sharding.Subcommands.Add(Verb("regions", "each region type with its nodes, shards and entities", runner, c => c.GetAsync("/sharding/regions"),
            a => Rows(a["regions"], new Table("TYPE", "NODES", "SHARDS", "ENTITIES"), r => [r["type"], r["nodes"], r["shards"], r["entities"]])));
        var region = new Option<string>("--region", "-r") { Description = "the region type: line, agent or queue", Required = true };
        var stats = Verb("region-stats", "a region type's shards and entities on each node", runner, (c, p) => c.GetAsync("/sharding/regions/" + Uri.EscapeDataString(p.GetValue(region)!)),
            a => Rows(a["nodes"], new Table("NODE", "SHARDS", "ENTITIES", "FAILED"), r => [r["node"], r["shards"], r["entities"], r["failedShards"]]));
        stats.Options.Add(region);
        sharding.Subcommands.Add(stats);
        yield return sharding;

        var user = new Argument<string?>("USER") { Description = "only this login's sessions", Arity = ArgumentArity.ZeroOrOne };
        var sessions = Verb("sessions", "the open CTI sessions of every node", runner,
            (c, p) => c.GetAsync("/sessions" + (p.GetValue(user) is { } u ? "?user=" + Uri.EscapeDataString(u) : "")), SessionsTable, user);
        var kicked = new Argument<string>("USER") { Description = "the login whose sessions are closed" };
        sessions.Subcommands.Add(Verb("kick", "closes the user's sessions on every node", runner, (c, p) => c.PostAsync($"/sessions/{Uri.EscapeDataString(p.GetValue(kicked)!)}/kick"),
            a => $"closed {a["kicked"]} session(s) of {a["user"]}" + Environment.NewLine, kicked));
        yield return sessions;

        yield return Verb("agents", "every agent's state", runner, c => c.GetAsync("/agents"),
            a => Rows(a["agents"], new Table("ID", "NUMBER", "NAME", "STATUS", "PHONE", "QUEUES", "SINCE"),
                r => [r["id"], r["number"], r["name"], r["status"], r["phone"], r["queues"] is JValue { Value: string { Length: > 0 } } q ? q : null, r["since"]]));
        var agentId = new Argument<string>("ID") { Description = "the agent's id (`ctl agents`)" };
        var agent = new Command("agent", "one agent");
        agent.Subcommands.Add(Verb("force-logout", "logs the agent out on the PBX (removed from his queues)", runner,
            (c, p) => c.PostAsync($"/agents/{Uri.EscapeDataString(p.GetValue(agentId)!)}/logout"), a => $"agent {a["agent"]} logged out (phone {a["phone"]})" + Environment.NewLine, agentId));
        yield return agent;

        var ami = new Command("ami", "the AMI link to the PBX");
        ami.Subcommands.Add(Verb("status", "connected since, events/s, reconnects, last error", runner, c => c.GetAsync("/ami"),
            a => new Table("PBX", "CONNECTED", "SINCE", "EVENTS/S", "EVENTS", "RECONNECTS", "LAST ERROR")
                .Add(Cell(a["pbx"]), (bool?)a["connected"], Cell(a["since"]), Cell(a["eventsPerSecond"]), Cell(a["eventsTotal"]), Cell(a["reconnects"]), Cell(a["lastError"])).ToString()));
        ami.Subcommands.Add(Verb("resync", "asks the PBX for its channels, queues, hints and rooms now, as on a reconnection", runner,
            c => c.PostAsync("/ami/resync"), a => $"resynchronised: {a["events"]} list events replayed" + Environment.NewLine));
        yield return ami;

        var queueId = new Argument<string>("ID") { Description = "the queue's id or name" };
        var queue = new Command("queue", "one queue");
        queue.Subcommands.Add(Verb("stats", "the queue's statistics of the day", runner, (c, p) => c.GetAsync($"/queues/{Uri.EscapeDataString(p.GetValue(queueId)!)}/stats"),
            a => $"queue {a["id"]} {a["name"]}" + Environment.NewLine + Rows(a["counters"], new Table("COUNTER", "VALUE"), r => [r["name"], r["value"]]), queueId));
        yield return queue;

        var config = new Command("config", "the configuration");
        config.Subcommands.Add(Verb("reload", "re-reads the configuration from the store on every node", runner, c => c.PostAsync("/config/reload"),
            a => $"reloaded: {a["users"]} users, {a["lines"]} lines, {a["queues"]} queues, {a["agents"]} agents; {a["entitiesChanged"]} entities reconfigured" + Environment.NewLine));
        yield return config;

        var level = new Argument<string>("LEVEL") { Description = "debug, info, warning or error" };
        var log = new Command("log", "the node's logging");
        log.Subcommands.Add(Verb("level", "sets the node's log level until it restarts", runner, (c, p) => c.PutAsync("/log-level/" + Uri.EscapeDataString(p.GetValue(level)!)),
            a => $"{a["node"]}: log level {a["level"]} (was {a["was"]})" + Environment.NewLine, level));
        yield return log;
    }

    private static Command Verb(string name, string description, Func<ParseResult, CtlProgram.Runner> runner, Func<OpsClient, Task<JObject>> request,
        Func<JObject, string> table, params Argument[] arguments) => Verb(name, description, runner, (c, _) => request(c), table, arguments);

    private static Command Verb(string name, string description, Func<ParseResult, CtlProgram.Runner> runner, Func<OpsClient, ParseResult, Task<JObject>> request,
        Func<JObject, string> table, params Argument[] arguments)
    {
        var command = new Command(name, description);
        foreach (var argument in arguments) command.Arguments.Add(argument);
        command.SetAction(p => runner(p).RunAsync(c => request(c, p), table));
        return command;
    }

    private static string ClusterTable(JObject a) =>
        Rows(a["members"], new Table("ADDRESS", "STATUS", "REACHABLE", "LEADER", "SELF", "ROLES"),
            m => [m["address"], m["status"], (bool?)m["reachable"], (bool?)m["leader"], (bool?)m["self"], m["roles"]]);

    private static string SessionsTable(JObject a)
    {
        var table = new Table("NODE", "LOGIN", "SESSION", "SINCE");
        foreach (var node in a["nodes"] ?? new JArray())
        {
            if (node["error"] is JValue { Value: string error }) table.Add(node["node"], "(" + error + ")", null, null);
            foreach (var s in node["sessions"] ?? new JArray()) table.Add(node["node"], s["login"], s["session"], s["since"]);
        }
        return table.ToString();
    }

    private static string Done(JObject a) => $"{a["address"]}: {a["done"]}" + Environment.NewLine;

    private static string Rows(JToken? rows, Table table, Func<JToken, object?[]> cells)
    {
        foreach (var row in rows ?? new JArray()) table.Add(cells(row).Select(Cell).ToArray());
        return table.ToString();
    }

    private static object? Cell(object? value) => value switch
    {
        JValue { Type: JTokenType.Null } => null,
        JValue { Type: JTokenType.Date, Value: DateTime d } => d.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
        JValue { Type: JTokenType.Date, Value: DateTimeOffset d } => d.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
        JValue v => v.Value,
        _ => value,
    };
}
