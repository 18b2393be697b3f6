using LinqToDB.Mapping;

namespace Xuc.Actors.Callbacks;

// The stored shape of the callbacks (schema step 10). Times are UTC Unix milliseconds.

[Table("xuc_callback_lists")]
internal sealed class CallbackListRow
{
    [PrimaryKey, Column("uuid", Length = 40)] public string Uuid { get; set; } = "";
    [Column("name", Length = 200), NotNull] public string Name { get; set; } = "";
    [Column("queue_id"), NotNull] public int QueueId { get; set; }

    public CallbackList ToModel() => new(Uuid, Name, QueueId);
    public static CallbackListRow From(CallbackList l) => new() { Uuid = l.Uuid, Name = l.Name, QueueId = l.QueueId };
}

[Table("xuc_callback_periods")]
internal sealed class PreferredPeriodRow
{
    [PrimaryKey, Column("uuid", Length = 40)] public string Uuid { get; set; } = "";
    [Column("name", Length = 200), NotNull] public string Name { get; set; } = "";
    [Column("period_start", Length = 8), NotNull] public string PeriodStart { get; set; } = "";
    [Column("period_end", Length = 8), NotNull] public string PeriodEnd { get; set; } = "";
    [Column("is_default"), NotNull] public bool IsDefault { get; set; }

    public PreferredPeriod ToModel() => new(Uuid, Name, PeriodStart, PeriodEnd, IsDefault);
    public static PreferredPeriodRow From(PreferredPeriod p) => new() { Uuid = p.Uuid, Name = p.Name, PeriodStart = p.PeriodStart, PeriodEnd = p.PeriodEnd, IsDefault = p.Default };
}

[Table("xuc_callback_requests")]
internal sealed class CallbackRequestRow
{
    [PrimaryKey, Column("uuid", Length = 40)] public string Uuid { get; set; } = "";
    [Column("list_uuid", Length = 40), NotNull] public string ListUuid { get; set; } = "";
    [Column("phone_number", Length = 40), Nullable] public string? PhoneNumber { get; set; }
    [Column("mobile_phone_number", Length = 40), Nullable] public string? MobilePhoneNumber { get; set; }
    [Column("first_name", Length = 100), Nullable] public string? FirstName { get; set; }
    [Column("last_name", Length = 100), Nullable] public string? LastName { get; set; }
    [Column("company", Length = 200), Nullable] public string? Company { get; set; }
    [Column("description", Length = 1000), Nullable] public string? Description { get; set; }
    [Column("agent_id"), Nullable] public int? AgentId { get; set; }
    [Column("due_date", Length = 10), NotNull] public string DueDate { get; set; } = "";
    [Column("period_uuid", Length = 40), Nullable] public string? PeriodUuid { get; set; }
    [Column("clotured"), NotNull] public bool Clotured { get; set; }
    [Column("created_ms"), NotNull] public long CreatedMs { get; set; }

    public CallbackRequest ToModel() => new()
    {
        Uuid = Uuid, ListUuid = ListUuid, PhoneNumber = PhoneNumber, MobilePhoneNumber = MobilePhoneNumber, FirstName = FirstName,
        LastName = LastName, Company = Company, Description = Description, AgentId = AgentId, DueDate = DueDate, PeriodUuid = PeriodUuid, Clotured = Clotured,
    };

    public static CallbackRequestRow From(CallbackRequest r, long createdMs) => new()
    {
        Uuid = r.Uuid, ListUuid = r.ListUuid, PhoneNumber = r.PhoneNumber, MobilePhoneNumber = r.MobilePhoneNumber, FirstName = r.FirstName,
        LastName = r.LastName, Company = r.Company, Description = r.Description, AgentId = r.AgentId, DueDate = r.DueDate, PeriodUuid = r.PeriodUuid,
        Clotured = r.Clotured, CreatedMs = createdMs,
    };
}

[Table("xuc_callback_tickets")]
internal sealed class CallbackTicketRow
{
    [PrimaryKey, Column("uuid", Length = 40)] public string Uuid { get; set; } = "";
    [Column("request_uuid", Length = 40), NotNull] public string RequestUuid { get; set; } = "";
    [Column("list_uuid", Length = 40), NotNull] public string ListUuid { get; set; } = "";
    [Column("agent_id"), NotNull] public int AgentId { get; set; }
    [Column("phone_number", Length = 40), NotNull] public string PhoneNumber { get; set; } = "";
    [Column("started_ms"), NotNull] public long StartedMs { get; set; }
    [Column("last_update_ms"), NotNull] public long LastUpdateMs { get; set; }
    [Column("status", Length = 20), NotNull] public string Status { get; set; } = "";
    [Column("comment", Length = 2000), NotNull] public string Comment { get; set; } = "";

    public CallbackTicket ToModel() => new()
    {
        Uuid = Uuid, RequestUuid = RequestUuid, ListUuid = ListUuid, AgentId = AgentId, PhoneNumber = PhoneNumber,
        Started = DateTimeOffset.FromUnixTimeMilliseconds(StartedMs), LastUpdate = DateTimeOffset.FromUnixTimeMilliseconds(LastUpdateMs),
        Status = Status, Comment = Comment,
    };
}
