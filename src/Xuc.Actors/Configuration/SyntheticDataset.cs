using Xuc.Actors.Configuration.Model;

namespace Xuc.Actors.Configuration;

/// <summary>A large, valid configuration for benchmarks: N users each with a line, M agents in groups of 50, Q queues.</summary>
public static class SyntheticDataset
{
    public static ConfigSnapshot Create(int users, int agents, int queues, int agentsPerGroup = 50)
    {
        if (agents > users) throw new ArgumentException("every agent is a user, so agents <= users");
        // One hash for all: hashing 20,000 passwords at 100,000 iterations would take minutes and measure nothing.
        var hash = PasswordHasher.Hash("bench");
        var groupCount = Math.Max(1, (agents + agentsPerGroup - 1) / agentsPerGroup);
        return new ConfigSnapshot
        {
            Lines = Enumerable.Range(1, users).Select(i => new Line { Id = i, Number = (100000 + i).ToString(), Interface = $"PJSIP/{100000 + i}", Context = "default" }).ToList(),
            Queues = Enumerable.Range(1, queues).Select(i => new Queue { Id = i, Name = $"queue{i}", DisplayName = $"Queue {i}", Number = (900000 + i).ToString(), WrapUpSeconds = 5 }).ToList(),
            AgentGroups = Enumerable.Range(1, groupCount).Select(i => new AgentGroup { Id = i, Name = $"group{i}", DisplayName = $"Group {i}" }).ToList(),
            Agents = Enumerable.Range(1, agents).Select(i => new Agent
            {
                Id = i, Number = (500000 + i).ToString(), FirstName = "Agent", LastName = i.ToString(), GroupId = 1 + (i - 1) / agentsPerGroup,
                DefaultQueues = [new QueueMembership(1 + (i - 1) % queues, 0), new QueueMembership(1 + i % queues, 1)],
            }).ToList(),
            RightProfiles = [new RightProfile { Id = 1, Name = "Admin", Kind = ProfileKind.Admin }],
            Users = Enumerable.Range(1, users).Select(i => new User
            {
                Id = i, Login = $"user{i}", PasswordHash = hash, FirstName = "User", LastName = i.ToString(),
                LineId = i, AgentId = i <= agents ? i : null, RightProfileId = 1,
            }).ToList(),
            UserStatuses = DemoDataset.Create().UserStatuses,
        };
    }
}
