using Xuc.Actors.Configuration.Model;

namespace Xuc.Actors.Configuration;

/// <summary>
/// What the embedded default seeds on first start: 13 users (10 agents with lines 1001–1010, a supervisor,
/// a plain user, an admin), 2 agent groups, 3 queues with members, the usual statuses, a dozen contacts.
/// Demo passwords equal the login; they are printed at start-up and listed in the README.
/// </summary>
public static class DemoDataset
{
    /// <summary>
    /// The queue whose members are Local channels (<c>Local/1006@agents/n</c>, state interface <c>PJSIP/1006</c>: its
    /// <see cref="Queue.MemberInterface"/>), as FreePBX, XiVO and Wazo configure queue members; the others are rung directly.
    /// </summary>
    public const string LocalMemberQueue = "support";

    private static readonly (string Login, string First, string Last)[] People =
    [
        ("jbond", "James", "Bond"), ("mmoneypenny", "Eve", "Moneypenny"), ("qboothroyd", "Q", "Boothroyd"),
        ("fleiter", "Felix", "Leiter"), ("bmawdsley", "Bill", "Tanner"), ("vlynd", "Vesper", "Lynd"),
        ("ctrevelyan", "Alec", "Trevelyan"), ("nwade", "Jack", "Wade"), ("zgrishenko", "Boris", "Grishenko"),
        ("hgoodhead", "Holly", "Goodhead"),
    ];

    public static IReadOnlyList<(string Login, string Password, string Role)> Logins { get; } =
        People.Select(p => (p.Login, p.Login, "agent " + p.First + " " + p.Last))
            .Append(("alice", "alice", "Supervisor of sales and support, group Sales team"))
            .Append(("bob", "bob", "user with a line, no agent (NoRight)"))
            .Append(("admin", "admin", "Admin (admin REST API)"))
            .ToList();

    public static ConfigSnapshot Create()
    {
        var lines = Enumerable.Range(1, 12).Select(i => new Line { Id = i, Number = $"10{i:00}", Interface = $"PJSIP/10{i:00}", Context = "default" }).ToList();
        var groups = new List<AgentGroup>
        {
            new() { Id = 1, Name = "sales-team", DisplayName = "Sales team" },
            new() { Id = 2, Name = "support-team", DisplayName = "Support team" },
        };
        var queues = new List<Queue>
        {
            new() { Id = 1, Name = "sales", DisplayName = "Sales", Number = "3000", Context = "default", WrapUpSeconds = 5 },
            new() { Id = 2, Name = "support", DisplayName = "Support", Number = "3001", Context = "default", WrapUpSeconds = 10, MemberInterface = "Local/{number}@agents/n" },
            new() { Id = 3, Name = "billing", DisplayName = "Billing", Number = "3002", Context = "default", WrapUpSeconds = 0 },
        };
        var agents = People.Select((p, i) =>
        {
            var id = i + 1;
            var sales = id <= 5;
            IReadOnlyList<QueueMembership> memberships = sales
                ? [new QueueMembership(1, 0), new QueueMembership(3, id % 2)]
                : [new QueueMembership(2, 0), new QueueMembership(3, 1 + id % 2)];
            return new Agent { Id = id, Number = $"20{id:00}", FirstName = p.First, LastName = p.Last, GroupId = sales ? 1 : 2, Context = "default", DefaultQueues = memberships };
        }).ToList();
        var profiles = new List<RightProfile>
        {
            new() { Id = 1, Name = "Administrator", Kind = ProfileKind.Admin },
            new() { Id = 2, Name = "Sales and support supervisor", Kind = ProfileKind.Supervisor, QueueIds = [1, 2], GroupIds = [1] },
            new() { Id = 3, Name = "Plain user", Kind = ProfileKind.NoRight },
        };
        var users = People.Select((p, i) => new User
            {
                Id = i + 1, Login = p.Login, Password = p.Login, FirstName = p.First, LastName = p.Last,
                MobileNumber = $"06123400{i + 1:00}", LineId = i + 1, AgentId = i + 1, RightProfileId = 3,
            })
            .Append(new User { Id = 11, Login = "alice", Password = "alice", FirstName = "Alice", LastName = "Martin", MobileNumber = "0612340011", LineId = 11, RightProfileId = 2 })
            .Append(new User { Id = 12, Login = "bob", Password = "bob", FirstName = "Bob", LastName = "Durand", LineId = 12, RightProfileId = 3 })
            .Append(new User { Id = 13, Login = "admin", Password = "admin", FirstName = "Ada", LastName = "Admin", RightProfileId = 1 })
            .ToList();
        var statuses = new List<UserStatus>
        {
            new() { Name = "available", Color = "#08FD20", LongName = "Available" },
            new() { Name = "away", Color = "#FDE50A", LongName = "Away" },
            new() { Name = "outtolunch", Color = "#001AFF", LongName = "Out to lunch" },
            new() { Name = "donotdisturb", Color = "#FF032D", LongName = "Do not disturb", Actions = ["enableDND"] },
            new() { Name = "berightback", Color = "#FFB545", LongName = "Be right back" },
            new() { Name = "disconnected", Color = "#9E9E9E", LongName = "Disconnected" },
        };
        var contacts = new (string First, string Last, string Number, string? Mobile, string Company)[]
        {
            ("Hawkeye", "Pierce", "0140001001", "0761187406", "4077th MASH"), ("Peter", "Pan", "0140001002", null, "Neverland Ltd"),
            ("Marie", "Curie", "0140001003", "0611000003", "Institut du Radium"), ("Ada", "Lovelace", "0140001004", null, "Analytical Engines"),
            ("Alan", "Turing", "0140001005", "0611000005", "Bletchley Park"), ("Grace", "Hopper", "0140001006", null, "US Navy"),
            ("Blaise", "Pascal", "0140001007", "0611000007", "Pascaline SA"), ("Emmy", "Noether", "0140001008", null, "Göttingen University"),
            ("Nikola", "Tesla", "0140001009", "0611000009", "Tesla Electric"), ("Hedy", "Lamarr", "0140001010", null, "Frequency Hopping Inc"),
            ("Claude", "Shannon", "0140001011", "0611000011", "Bell Labs"), ("Rosalind", "Franklin", "0140001012", null, "King's College"),
        }.Select((c, i) => new DirectoryContact
        {
            Id = i + 1, FirstName = c.First, LastName = c.Last, Number = c.Number, Mobile = c.Mobile,
            Email = $"{c.First.ToLowerInvariant()}.{c.Last.ToLowerInvariant()}@example.com", Company = c.Company,
        }).ToList();

        return new ConfigSnapshot
        {
            Users = users, Lines = lines, Agents = agents, Queues = queues, AgentGroups = groups,
            RightProfiles = profiles, UserStatuses = statuses, Contacts = contacts,
        };
    }
}
