using Xuc.Ami.Framing;

namespace Xuc.Ami.Events;

/// <summary>Maps an event's name to its class with a plain switch (no reflection); unknown events stay generic.</summary>
public static class AmiEvents
{
    public static AmiEvent From(AmiMessage m) => m.EventName switch
    {
        "Newchannel" => new NewchannelEvent(m),
        "Newstate" => new NewstateEvent(m),
        "NewConnectedLine" => new NewConnectedLineEvent(m),
        "NewCallerid" => new NewCalleridEvent(m),
        "Hangup" => new HangupEvent(m),
        "HangupRequest" => new HangupRequestEvent(m),
        "DialBegin" => new DialBeginEvent(m),
        "DialEnd" => new DialEndEvent(m),
        "Hold" => new HoldEvent(m),
        "Unhold" => new UnholdEvent(m),
        "VarSet" => new VarSetEvent(m),
        "Rename" => new RenameEvent(m),
        "BridgeEnter" => new BridgeEnterEvent(m),
        "BridgeLeave" => new BridgeLeaveEvent(m),
        "CoreShowChannel" => new CoreShowChannelEvent(m),
        "DTMFEnd" => new DTMFEndEvent(m),
        "OriginateResponse" => new OriginateResponseEvent(m),
        "QueueCallerJoin" => new QueueCallerJoinEvent(m),
        "QueueCallerLeave" => new QueueCallerLeaveEvent(m),
        "QueueCallerAbandon" => new QueueCallerAbandonEvent(m),
        "AgentCalled" => new AgentCalledEvent(m),
        "AgentConnect" => new AgentConnectEvent(m),
        "AgentComplete" => new AgentCompleteEvent(m),
        "AgentRingNoAnswer" => new AgentRingNoAnswerEvent(m),
        "AgentDump" => new AgentDumpEvent(m),
        "QueueEntry" => new QueueEntryEvent(m),
        "QueueMemberAdded" => new QueueMemberAddedEvent(m),
        "QueueMemberRemoved" => new QueueMemberRemovedEvent(m),
        "QueueMemberPause" => new QueueMemberPauseEvent(m),
        "QueueMemberStatus" => new QueueMemberStatusEvent(m),
        "QueueMemberPenalty" => new QueueMemberPenaltyEvent(m),
        "QueueMemberRinginuse" => new QueueMemberRinginuseEvent(m),
        "QueueMember" => new QueueMemberEvent(m),
        "QueueParams" => new QueueParamsEvent(m),
        "QueueSummary" => new QueueSummaryEvent(m),
        "QueueStatusComplete" => new QueueStatusCompleteEvent(m),
        "ExtensionStatus" => new ExtensionStatusEvent(m),
        "DeviceStateChange" => new DeviceStateChangeEvent(m),
        "ExtensionStateListComplete" => new ExtensionStateListCompleteEvent(m),
        "MessageWaiting" => new MessageWaitingEvent(m),
        "MailboxCount" => new MailboxCountEvent(m),
        "FullyBooted" => new FullyBootedEvent(m),
        "CoreShowChannelsComplete" => new CoreShowChannelsCompleteEvent(m),
        "AttendedTransfer" => new AttendedTransferEvent(m),
        "BlindTransfer" => new BlindTransferEvent(m),
        "LocalBridge" => new LocalBridgeEvent(m),
        "ConfbridgeJoin" => new ConfbridgeJoinEvent(m),
        "ConfbridgeLeave" => new ConfbridgeLeaveEvent(m),
        "ConfbridgeMute" => new ConfbridgeMuteEvent(m),
        "ConfbridgeUnmute" => new ConfbridgeUnmuteEvent(m),
        "ConfbridgeTalking" => new ConfbridgeTalkingEvent(m),
        "ConfbridgeList" => new ConfbridgeListEvent(m),
        "ConfbridgeListRooms" => new ConfbridgeListRoomsEvent(m),
        "ConfbridgeListRoomsComplete" => new ConfbridgeListRoomsCompleteEvent(m),
        "ConfbridgeListComplete" => new ConfbridgeListCompleteEvent(m),
        _ => new UnknownEvent(m),
    };

    /// <summary>The event names that have a class of their own.</summary>
    public static readonly IReadOnlyList<string> Known = ["Newchannel", "Newstate", "NewConnectedLine", "NewCallerid", "Hangup", "HangupRequest", "DialBegin", "DialEnd", "Hold", "Unhold", "VarSet", "Rename", "BridgeEnter", "BridgeLeave", "CoreShowChannel", "DTMFEnd", "OriginateResponse", "QueueCallerJoin", "QueueCallerLeave", "QueueCallerAbandon", "AgentCalled", "AgentConnect", "AgentComplete", "AgentRingNoAnswer", "AgentDump", "QueueEntry", "QueueMemberAdded", "QueueMemberRemoved", "QueueMemberPause", "QueueMemberStatus", "QueueMemberPenalty", "QueueMemberRinginuse", "QueueMember", "QueueParams", "QueueSummary", "QueueStatusComplete", "ExtensionStatus", "DeviceStateChange", "ExtensionStateListComplete", "MessageWaiting", "MailboxCount", "FullyBooted", "CoreShowChannelsComplete", "AttendedTransfer", "BlindTransfer", "LocalBridge", "ConfbridgeJoin", "ConfbridgeLeave", "ConfbridgeMute", "ConfbridgeUnmute", "ConfbridgeTalking", "ConfbridgeList", "ConfbridgeListRooms", "ConfbridgeListRoomsComplete", "ConfbridgeListComplete"];
}
