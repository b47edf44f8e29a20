namespace Tongban.Notifications.Domain;

/// <summary>An in-app message (站内消息) to one account, in both languages; read once its holder opens or marks it.</summary>
internal sealed class Message
{
    private Message() { }

    public MessageId Id { get; private set; }
    public Guid AccountId { get; private set; }
    public string Event { get; private set; } = "";
    public string CaseNumber { get; private set; } = "";
    public string Chinese { get; private set; } = "";
    public string English { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ReadAt { get; private set; }

    public static Message To(Guid accountId, string @event, string caseNumber, RenderedText text, DateTimeOffset at) => new()
    {
        Id = MessageId.New(), AccountId = accountId, Event = @event, CaseNumber = caseNumber,
        Chinese = text.Chinese, English = text.English, CreatedAt = at,
    };

    public void MarkRead(DateTimeOffset at) => ReadAt ??= at;
}
