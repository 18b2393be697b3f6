using Xuc.Actors.Configuration;
using Xuc.Host.Settings;
using Xuc.PbxSim;
using Xuc.PbxSim.Model;

namespace Xuc.Host.Startup;

/// <summary>
/// The bundled PBX simulator of the embedded default: one phone per configured line, one app_queue queue per
/// configured queue, the manager user of the AMI settings. Phones answer by themselves after two seconds of
/// ringing so a newcomer sees calls complete; queue members are added by agent login (QueueAdd), as on Asterisk,
/// with the member interface each queue configures (<see cref="DemoDataset.LocalMemberQueue"/>'s agents join as
/// Local channels, so the demo shows the Local channel traffic of a real PBX).
/// </summary>
public static class EmbeddedSimulator
{
    public static async Task<PbxSimulator> StartAsync(AmiSettings ami, ConfigSnapshot config)
    {
        var sim = new PbxSimulator(new PbxSimOptions
        {
            Port = ami.Port,
            ManagerUsers = new Dictionary<string, string> { [ami.Username] = ami.Secret },
            Events = ami.SimulatorRealisticEvents ? SimEventLevel.Realistic : SimEventLevel.Minimal,
        });
        foreach (var line in config.Lines)
        {
            var user = config.Users.FirstOrDefault(u => u.LineId == line.Id);
            sim.Model.AddEndpoint(line.Number, line.Context, user is null ? line.Number : $"{user.FirstName} {user.LastName}".Trim(),
                EndpointBehaviour.AutoAnswer);
        }
        sim.Model.SetAllEndpointsBehaviour(EndpointBehaviour.AutoAnswer, TimeSpan.FromSeconds(2));
        foreach (var q in config.Queues)
            sim.Model.AddQueue(q.Name, q.Number, QueueStrategy.RingAll, q.WrapUpSeconds);
        await sim.StartAsync();
        return sim;
    }
}
