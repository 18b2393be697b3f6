using LinqToDB.Mapping;

namespace Xuc.Actors.Configuration.Storage;

// The stored shape of each kind: scalar columns, list-valued fields as JSON text.
// Mapped by ConfigRows to and from the public model records.

[Table("xuc_users")]
internal sealed class UserRow
{
    [PrimaryKey, Column("id")] public int Id { get; set; }
    [Column("login", Length = 100), NotNull] public string Login { get; set; } = "";
    [Column("password_hash", Length = 200), NotNull] public string PasswordHash { get; set; } = "";
    [Column("first_name", Length = 100), NotNull] public string FirstName { get; set; } = "";
    [Column("last_name", Length = 100), NotNull] public string LastName { get; set; } = "";
    [Column("mobile_number", Length = 40), Nullable] public string? MobileNumber { get; set; }
    [Column("line_id"), Nullable] public int? LineId { get; set; }
    [Column("agent_id"), Nullable] public int? AgentId { get; set; }
    [Column("right_profile_id"), Nullable] public int? RightProfileId { get; set; }
    // Migration 4 (phone services and mailbox).
    [Column("dnd_enabled"), NotNull] public bool DndEnabled { get; set; }
    [Column("na_fwd_enabled"), NotNull] public bool NaFwdEnabled { get; set; }
    [Column("na_fwd_destination", Length = 40), NotNull] public string NaFwdDestination { get; set; } = "";
    [Column("unc_fwd_enabled"), NotNull] public bool UncFwdEnabled { get; set; }
    [Column("unc_fwd_destination", Length = 40), NotNull] public string UncFwdDestination { get; set; } = "";
    [Column("busy_fwd_enabled"), NotNull] public bool BusyFwdEnabled { get; set; }
    [Column("busy_fwd_destination", Length = 40), NotNull] public string BusyFwdDestination { get; set; } = "";
    [Column("voice_mail_box", Length = 200), Nullable] public string? VoiceMailBox { get; set; }
    // Migration 9 (revocable tokens).
    [Column("token_version"), NotNull] public long TokenVersion { get; set; }
}

[Table("xuc_lines")]
internal sealed class LineRow
{
    [PrimaryKey, Column("id")] public int Id { get; set; }
    [Column("number", Length = 40), NotNull] public string Number { get; set; } = "";
    [Column("interface", Length = 100), NotNull] public string Interface { get; set; } = "";
    [Column("context", Length = 100), NotNull] public string Context { get; set; } = "";
}

[Table("xuc_agents")]
internal sealed class AgentRow
{
    [PrimaryKey, Column("id")] public int Id { get; set; }
    [Column("number", Length = 40), NotNull] public string Number { get; set; } = "";
    [Column("first_name", Length = 100), NotNull] public string FirstName { get; set; } = "";
    [Column("last_name", Length = 100), NotNull] public string LastName { get; set; } = "";
    [Column("group_id"), NotNull] public int GroupId { get; set; }
    [Column("context", Length = 100), NotNull] public string Context { get; set; } = "";
    [Column("default_queues", DataType = LinqToDB.DataType.Text), NotNull] public string DefaultQueuesJson { get; set; } = "[]";
}

[Table("xuc_queues")]
internal sealed class QueueRow
{
    [PrimaryKey, Column("id")] public int Id { get; set; }
    [Column("name", Length = 100), NotNull] public string Name { get; set; } = "";
    [Column("display_name", Length = 200), NotNull] public string DisplayName { get; set; } = "";
    [Column("number", Length = 40), NotNull] public string Number { get; set; } = "";
    [Column("context", Length = 100), NotNull] public string Context { get; set; } = "";
    [Column("wrap_up_seconds"), NotNull] public int WrapUpSeconds { get; set; }
    [Column("member_interface", Length = 200), NotNull] public string MemberInterface { get; set; } = "";
}

[Table("xuc_agent_groups")]
internal sealed class AgentGroupRow
{
    [PrimaryKey, Column("id")] public int Id { get; set; }
    [Column("name", Length = 100), NotNull] public string Name { get; set; } = "";
    [Column("display_name", Length = 200), NotNull] public string DisplayName { get; set; } = "";
}

[Table("xuc_right_profiles")]
internal sealed class RightProfileRow
{
    [PrimaryKey, Column("id")] public int Id { get; set; }
    [Column("name", Length = 100), NotNull] public string Name { get; set; } = "";
    [Column("kind", Length = 20), NotNull] public string Kind { get; set; } = "";
    [Column("queue_ids", DataType = LinqToDB.DataType.Text), NotNull] public string QueueIdsJson { get; set; } = "[]";
    [Column("group_ids", DataType = LinqToDB.DataType.Text), NotNull] public string GroupIdsJson { get; set; } = "[]";
}

[Table("xuc_user_statuses")]
internal sealed class UserStatusRow
{
    [PrimaryKey, Column("name", Length = 100)] public string Name { get; set; } = "";
    [Column("color", Length = 20), NotNull] public string Color { get; set; } = "";
    [Column("long_name", Length = 200), NotNull] public string LongName { get; set; } = "";
    [Column("actions", DataType = LinqToDB.DataType.Text), NotNull] public string ActionsJson { get; set; } = "[]";
}

[Table("xuc_sheet_fields")]
internal sealed class SheetFieldRow
{
    [PrimaryKey, Column("name", Length = 100)] public string Name { get; set; } = "";
    [Column("type", Length = 20), NotNull] public string Type { get; set; } = "";
    [Column("display_order"), NotNull] public int Order { get; set; }
    [Column("value", DataType = LinqToDB.DataType.Text), NotNull] public string Value { get; set; } = "";
}

[Table("xuc_directory_contacts")]
internal sealed class ContactRow
{
    [PrimaryKey, Column("id")] public int Id { get; set; }
    [Column("first_name", Length = 100), NotNull] public string FirstName { get; set; } = "";
    [Column("last_name", Length = 100), NotNull] public string LastName { get; set; } = "";
    [Column("number", Length = 40), NotNull] public string Number { get; set; } = "";
    [Column("mobile", Length = 40), Nullable] public string? Mobile { get; set; }
    [Column("email", Length = 200), Nullable] public string? Email { get; set; }
    [Column("company", Length = 200), Nullable] public string? Company { get; set; }
}

/// <summary>One queue of a user's default membership (docs/cti-websocket.md, "Membership"); schema step 8.</summary>
[Table("xuc_user_default_memberships")]
internal sealed class DefaultMembershipRow
{
    [PrimaryKey(0), Column("user_id")] public int UserId { get; set; }
    [PrimaryKey(1), Column("queue_id")] public int QueueId { get; set; }
    [Column("penalty"), NotNull] public int Penalty { get; set; }
}

[Table("xuc_schema_version")]
internal sealed class SchemaVersionRow
{
    [PrimaryKey, Column("version")] public int Version { get; set; }
    [Column("applied_at"), NotNull] public DateTime AppliedAt { get; set; }
    [Column("description", Length = 200), NotNull] public string Description { get; set; } = "";
}
