using Akka.Actor;
using Prometheus;
using Xuc.Actors.Services;

namespace Xuc.Actors.Metrics;

/// <summary>
/// The node's Prometheus metrics (docs/operations.md, "Metrics"), in a registry of its own (several servers in one
/// test process each count their own). Registered in <see cref="NodeServices"/> by the host; actors read it with
/// <see cref="Of"/> and count nothing when a test's plain ActorSystem has none. Gauges that are read rather than
/// counted (sessions, entities, mailbox depth) are filled by the host just before each scrape.
/// </summary>
public sealed class XucMetrics
{
    public CollectorRegistry Registry { get; } = Prometheus.Metrics.NewCustomRegistry();

    public XucMetrics()
    {
        var f = Prometheus.Metrics.WithCustomRegistry(Registry);
        FramesReceived = f.CreateCounter("xuc_cti_frames_received_total", "CTI WebSocket frames received from clients on this node");
        FramesSent = f.CreateCounter("xuc_cti_frames_sent_total", "CTI WebSocket frames sent to clients on this node");
        Sessions = f.CreateGauge("xuc_cti_sessions", "CTI sessions open on this node");
        AmiEvents = f.CreateCounter("xuc_ami_events_total", "AMI events received by the AMI connection singleton while it runs on this node (rate() gives events/s)");
        AmiReconnects = f.CreateCounter("xuc_ami_reconnects_total", "AMI logins after the first one of the connection singleton on this node");
        AmiConnected = f.CreateGauge("xuc_ami_connected", "1 while the AMI connection singleton on this node is logged in to the PBX");
        AmiActionDuration = f.CreateHistogram("xuc_ami_action_duration_seconds", "Time from sending an AMI action to its answer (or timeout)",
            new HistogramConfiguration { LabelNames = ["action", "outcome"], Buckets = Histogram.ExponentialBuckets(0.0005, 2, 16) });
        RouterMailbox = f.CreateGauge("xuc_ami_router_mailbox_depth", "Messages waiting in the AMI router's mailbox (read at scrape time; 0 where the singleton is not)");
        Entities = f.CreateGauge("xuc_sharding_entities", "Sharded entities running on this node", "region");
        Shards = f.CreateGauge("xuc_sharding_shards", "Shards hosted on this node", "region");
        ShardMoves = f.CreateCounter("xuc_sharding_shard_moves_total", "Shards that arrived on (in) or left (out) this node, seen by comparing its shards every few seconds (rebalances, hand-offs)", "region", "direction");
        JournalWrite = f.CreateHistogram("xuc_journal_write_duration_seconds", "Time from an agent entity's persist call to its journal write being confirmed",
            new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.0005, 2, 16) });
        HttpRequests = f.CreateCounter("xuc_http_requests_total", "HTTP requests answered, by route template and status code", "method", "route", "code");
        HttpDuration = f.CreateHistogram("xuc_http_request_duration_seconds", "HTTP request duration by route template (the CTI WebSocket counts for as long as it is open)",
            new HistogramConfiguration { LabelNames = ["method", "route"], Buckets = Histogram.ExponentialBuckets(0.0005, 2, 16) });
    }

    public Counter FramesReceived { get; }
    public Counter FramesSent { get; }
    public Gauge Sessions { get; }
    public Counter AmiEvents { get; }
    public Counter AmiReconnects { get; }
    public Gauge AmiConnected { get; }
    public Histogram AmiActionDuration { get; }
    public Gauge RouterMailbox { get; }
    public Gauge Entities { get; }
    public Gauge Shards { get; }
    public Counter ShardMoves { get; }
    public Histogram JournalWrite { get; }
    public Counter HttpRequests { get; }
    public Histogram HttpDuration { get; }

    /// <summary>How many messages the AMI router's mailbox holds, set by the connection singleton where it runs.</summary>
    public Func<int>? RouterMailboxDepth { get; set; }

    /// <returns>The node's metrics, or null in an ActorSystem the host did not wire.</returns>
    public static XucMetrics? Of(ActorSystem system) => NodeServices.For(system).Get<XucMetrics>();
}
