using Xuc.PbxSim.Model;

namespace Xuc.PbxSim;

/// <summary>What a standalone simulator starts with: phones 1001–1012 and queues sales (3000), support (3001), billing (3002) with members.</summary>
public static class DefaultModel
{
    public static void Seed(PbxModel model)
    {
        for (var i = 1; i <= 12; i++) model.AddEndpoint($"10{i:00}");
        model.AddQueue("sales", "3000", QueueStrategy.RingAll, wrapUpSeconds: 5);
        model.AddQueue("support", "3001", QueueStrategy.RrMemory, wrapUpSeconds: 10);
        model.AddQueue("billing", "3002", QueueStrategy.RingAll);
        for (var i = 1; i <= 5; i++) model.AddMember("sales", $"{model.Tech}/10{i:00}", $"Agent 10{i:00}");
        // support's members are Local channels, as FreePBX, XiVO and Wazo configure them (the phone is the state interface).
        for (var i = 6; i <= 10; i++) model.AddMember("support", $"Local/10{i:00}@agents/n", $"Agent 10{i:00}", stateInterface: $"{model.Tech}/10{i:00}", isStatic: true);
        for (var i = 1; i <= 10; i++) model.AddMember("billing", $"{model.Tech}/10{i:00}", $"Agent 10{i:00}", penalty: 1);
        model.AddConferenceNumber("4000");
    }
}
