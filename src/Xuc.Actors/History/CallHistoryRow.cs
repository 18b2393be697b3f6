using LinqToDB.Mapping;

namespace Xuc.Actors.History;

/// <summary>
/// The stored row of <see cref="CallRecord"/> (table <c>xuc_call_history</c>, migration 4). Times are UTC Unix
/// milliseconds (one integer type on SQLite and PostgreSQL, compared and indexed the same way on both).
/// </summary>
[Table("xuc_call_history")]
internal sealed class CallHistoryRow
{
    [PrimaryKey, Column("id", Length = 300)] public string Id { get; set; } = "";
    [Column("call_id", Length = 150), NotNull] public string CallId { get; set; } = "";
    [Column("party", Length = 150), NotNull] public string Party { get; set; } = "";
    [Column("start_ms"), NotNull] public long StartMs { get; set; }
    [Column("answer_ms"), Nullable] public long? AnswerMs { get; set; }
    [Column("end_ms"), Nullable] public long? EndMs { get; set; }
    [Column("src_num", Length = 80), NotNull] public string SrcNum { get; set; } = "";
    [Column("src_name", Length = 200), NotNull] public string SrcName { get; set; } = "";
    [Column("dst_num", Length = 80), NotNull] public string DstNum { get; set; } = "";
    [Column("dst_name", Length = 200), NotNull] public string DstName { get; set; } = "";
    [Column("line", Length = 100), Nullable] public string? Line { get; set; }
    [Column("queue", Length = 100), Nullable] public string? Queue { get; set; }
    [Column("agent_id", Length = 40), Nullable] public string? AgentId { get; set; }
    [Column("status", Length = 20), NotNull] public string Status { get; set; } = "";

    public static CallHistoryRow From(CallRecord r) => new()
    {
        Id = r.Id, CallId = r.CallId, Party = r.Party, StartMs = r.Start.ToUnixTimeMilliseconds(),
        AnswerMs = r.Answer?.ToUnixTimeMilliseconds(), EndMs = r.End?.ToUnixTimeMilliseconds(),
        SrcNum = r.SrcNum, SrcName = r.SrcName, DstNum = r.DstNum, DstName = r.DstName,
        Line = r.Line, Queue = r.Queue, AgentId = r.AgentId, Status = r.Status,
    };

    public CallRecord ToRecord() => new(CallId, Party, DateTimeOffset.FromUnixTimeMilliseconds(StartMs),
        AnswerMs is { } a ? DateTimeOffset.FromUnixTimeMilliseconds(a) : null, EndMs is { } e ? DateTimeOffset.FromUnixTimeMilliseconds(e) : null,
        SrcNum, SrcName, DstNum, DstName, Line, Queue, AgentId, Status);
}
