using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.Event;
using Akka.Hosting;
using Xuc.Actors.Configuration;
using Xuc.Actors.Configuration.Model;
using Xuc.Actors.Messages.Pbx;
using Xuc.Actors.Pbx;
using Xuc.Actors.PubSub;
using Xuc.Actors.Routing;
using Xuc.Actors.Sessions.UserServices;

namespace Xuc.Host.Startup;

/// <summary>
/// Users' phone services: the sessions' <see cref="PbxUserServiceDesk"/>, and what follows a committed change of a
/// user's services on the node that wrote it: <see cref="UserServicesChanged"/> on the user's topic (every session of
/// his, on any node, sends UserConfigUpdate) and, for a change that did not come from the CTI (an administrator's,
/// already-written otherwise), the AstDB writes that make the PBX agree.
/// </summary>
public static class UserServicesWiring
{
    public static Func<IActorRegistry, IUserServiceDesk> Desk(ConfigStore store)
        => registry => new PbxUserServiceDesk(store, new PbxGateway(registry.Get<AmiConnectionProxy>()), registry.Get<AgentRegion>());

    public static AkkaConfigurationBuilder WithUserServices(this AkkaConfigurationBuilder builder, ConfigStore store)
        => builder.AddStartup((system, registry) =>
        {
            var mediator = DistributedPubSub.Get(system).Mediator;
            var pbx = new PbxGateway(registry.Get<AmiConnectionProxy>());
            var log = Logging.GetLogger(system, typeof(UserServicesWiring));
            store.Changed += change =>
            {
                foreach (var (now, before) in ServiceChanges(change))
                {
                    mediator.Tell(new Publish(Topics.User(now.Login), new UserServicesChanged(now.Login, now.Services ?? PhoneServices.Off)));
                    if (change.Origin != ConfigChange.CtiOrigin)
                        _ = WriteToPbxAsync(pbx, log, store, now, before?.Services ?? PhoneServices.Off);
                }
            };
        });

    /// <summary>The users whose services a change altered, with their previous state (null for a new user).</summary>
    public static IEnumerable<(User Now, User? Before)> ServiceChanges(ConfigChange change)
    {
        var off = PhoneServices.Off;
        switch (change)
        {
            case { Value: User now, Previous: var previous } when change.Kind == ConfigKinds.User.Name:
                var before = previous as User;
                if ((now.Services ?? off) != (before?.Services ?? off)) yield return (now, before);
                break;
            case { Op: ChangeOp.Reloaded, Value: ConfigSnapshot next, Previous: ConfigSnapshot current }:
                var stored = current.Users.ToDictionary(u => u.Id);
                foreach (var u in next.Users)
                {
                    var old = stored.GetValueOrDefault(u.Id);
                    if ((u.Services ?? off) != (old?.Services ?? off)) yield return (u, old);
                }
                break;
        }
    }

    /// <summary>An administrator's change reaches the PBX; a refusal is logged (the store is the reference, the next change rewrites it).</summary>
    private static async Task WriteToPbxAsync(PbxGateway pbx, ILoggingAdapter log, ConfigStore store, User user, PhoneServices before)
    {
        try
        {
            if (user.LineId is not { } lineId || await store.GetAsync(ConfigKinds.Line, lineId.ToString()) is not Line line) return;
            foreach (var setting in PhoneServiceSetting.Differences(before, user.Services ?? PhoneServices.Off))
                if (await pbx.Send(setting.ToDbPut(line.Number), PbxUserServiceDesk.ActionTimeout) is not PbxAnswered and var failed)
                    log.Warning("{0} of user {1} changed in the configuration, not written to the PBX: {2}", setting.Command, user.Login, failed);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            log.Warning("services of user {0} changed in the configuration, not written to the PBX: {1}", user.Login, e.GetBaseException().Message);
        }
    }
}
