using Akka.Actor;
using Akka.Hosting;
using Newtonsoft.Json.Linq;
using Xuc.Actors.Ami;
using Xuc.Actors.Routing;
using Xuc.Host.Http;
using Xuc.Host.Settings;

namespace Xuc.Host.Ops;

/// <summary>
/// <c>GET ops/ami</c>: the AMI link as its connection singleton sees it (connected since, events/s over the last
/// 10 s, reconnects, last error); <c>POST ops/ami/resync</c>: the lists a reconnection asks for, asked now.
/// </summary>
public static class AmiOps
{
    public static void Map(RouteGroupBuilder ops)
    {
        ops.MapGet("/ami", (IRequiredActor<AmiConnectionProxy> ami, XucSettings settings) =>
            OpsEndpoints.AskOr503<AmiStatus>(ami.ActorRef, GetAmiStatus.Instance, "the AMI connection", s => WireJson.Json(new JObject
            {
                ["pbx"] = $"{settings.Ami.Host}:{settings.Ami.Port}",
                ["connected"] = s.Connected,
                ["since"] = s.Since,
                ["eventsPerSecond"] = Math.Round(s.EventsPerSecond, 1),
                ["eventsTotal"] = s.EventsTotal,
                ["reconnects"] = s.Reconnects,
                ["lastError"] = s.LastFailure,
                ["lastErrorAt"] = s.LastFailureAt,
            })));
        ops.MapPost("/ami/resync", async (IRequiredActor<AmiConnectionProxy> ami) =>
        {
            try
            {
                var done = await ami.ActorRef.Ask<AmiResynchronised>(ResynchroniseAmi.Instance, TimeSpan.FromSeconds(60));
                return WireJson.Json(new JObject { ["resynchronised"] = true, ["events"] = done.Events });
            }
            catch (InvalidOperationException e)
            {
                return WireJson.Error(409, "NotConnected", "the AMI link is down, nothing to resynchronise from: " + e.Message);
            }
            catch (Exception e) when (e is AskTimeoutException or TaskCanceledException)
            {
                return WireJson.Error(503, "NoAnswer", "the AMI connection did not finish the resynchronisation within 60 s");
            }
        });
    }
}
