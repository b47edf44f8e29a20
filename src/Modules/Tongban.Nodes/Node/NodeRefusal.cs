using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Tongban.Kernel.Errors;

namespace Tongban.Nodes.Node;

/// <summary>
/// A refusal between nodes with its reason code and HTTP status. Statuses beyond the kernel's kinds (502 for a
/// department system's bad answer, 504 for its silence) are why this is not a plain <see cref="DomainException"/>.
/// </summary>
internal sealed class NodeRefusal(DomainError error, int status) : Exception(error.English)
{
    public DomainError Error => error;
    public int Status => status;

    public IResult ToResult()
    {
        var problem = DomainErrorMapping.ToProblem(new DomainException(error));
        problem.Status = status;
        return TypedResults.Problem(problem);
    }

    public static NodeRefusal Of(DomainException exception) => new(exception.Errors[0], DomainErrorMapping.StatusOf(exception.Kind));
}

/// <summary>The reason codes of a call (ADR 0014), each bilingual; the department system's own error text never travels.</summary>
internal static class CallRefusals
{
    /// <summary>The configuration to act on, or the refusal that says why there is none (none yet, expired).</summary>
    public static async Task<Contracts.NodeConfiguration> ForCallAsync(this ConfigurationStore store, CancellationToken cancellationToken)
    {
        try
        {
            return await store.CurrentAsync(cancellationToken);
        }
        catch (DomainException ex)
        {
            throw NodeRefusal.Of(ex);
        }
    }

    public static NodeRefusal Malformed => new(new("node.message_malformed", "消息格式不正确", "The message is malformed", ErrorKind.BadRequest), 400);
    public static NodeRefusal UnknownSender => new(new("node.unknown_sender", "发送节点不在中心配置中", "The sending node is not in the centre's configuration", ErrorKind.Forbidden), 403);
    public static NodeRefusal SignatureInvalid => new(new("node.signature_invalid", "消息签名验证失败", "The message's signature does not verify", ErrorKind.Forbidden), 403);
    public static NodeRefusal WrongRecipient => new(new("node.wrong_recipient", "消息不是发给本节点的", "The message is addressed to another node", ErrorKind.Forbidden), 403);
    public static NodeRefusal Expired => new(new("node.expired", "消息时间超出允许的时钟偏差", "The message's time is outside the allowed clock skew", ErrorKind.Forbidden), 403);
    public static NodeRefusal Replayed => new(new("node.replayed", "该消息编号已处理过，拒绝重放", "This message id was already handled: a replay is refused", ErrorKind.Conflict), 409);
    public static NodeRefusal BodyMismatch => new(new("node.body_digest_mismatch", "消息正文与签名的摘要不符", "The message body does not match its signed digest", ErrorKind.Forbidden), 403);
    public static NodeRefusal UnknownService => new(new("node.unknown_service", "提供方没有该服务", "The provider offers no such service", ErrorKind.NotFound), 404);
    public static NodeRefusal NoRight => new(new("node.no_right", "没有调用该服务、数据项或用途的有效授权", "There is no live right to this service, these items or this purpose", ErrorKind.Forbidden), 403);
    public static NodeRefusal NotFound => new(new("node.subject_not_found", "部门系统中没有该对象的记录", "The department system holds no record of this subject", ErrorKind.NotFound), 404);
    public static NodeRefusal ProviderTimeout => new(new("node.provider_timeout", "部门系统未在规定时间内应答", "The department system did not answer in time", ErrorKind.Conflict), 504);
    public static NodeRefusal ProviderBadAnswer => new(new("node.provider_bad_answer", "部门系统的应答无法使用", "The department system's answer could not be used", ErrorKind.Conflict), 502);
    public static NodeRefusal ProviderUnreachable => new(new("node.provider_unreachable", "无法连接提供方节点", "The provider node could not be reached", ErrorKind.Conflict), 502);
    public static NodeRefusal ResponseInvalid => new(new("node.response_invalid", "提供方节点的应答签名验证失败", "The provider node's answer does not verify", ErrorKind.Conflict), 502);
    public static NodeRefusal Unauthenticated => new(new("node.client_unauthenticated", "调用方系统未通过认证", "The calling system is not authenticated", ErrorKind.Forbidden), 401);
    public static NodeRefusal KeyInvalid => new(new("node.key_invalid", "查询对象的编号只能由字母、数字和连字符组成（1到64位）",
        "The subject key has 1 to 64 letters, digits and hyphens", ErrorKind.BadRequest, "key"), 400);
    public static NodeRefusal StampConflict => new(new("node.stamp_conflict", "该序号已有中心签章，而节点报告的哈希与之不同：消息日志被改写过",
        "The centre already stamped this sequence with another hash: the node's message log was rewritten", ErrorKind.Conflict), 409);
    public static NodeRefusal StampBehind => new(new("node.stamp_behind", "节点报告的日志序号低于中心已签章的序号：消息日志被截短或从旧备份恢复",
        "The node's log head is below a sequence the centre already stamped: the message log was cut back or restored from an old backup", ErrorKind.Conflict), 409);
    public static NodeRefusal RecipientUnknown => new(new("node.recipient_unknown", "接收单位没有登记节点", "The recipient member has no registered node", ErrorKind.NotFound), 404);
    public static NodeRefusal RecipientUnreachable => new(new("node.recipient_unreachable", "暂时无法把推送送达接收节点，稍后重试",
        "The push could not reach the recipient node yet: it is retried", ErrorKind.Conflict), 502);
    public static NodeRefusal PushExpired => new(new("node.push_expired", "推送在允许的时间内未能送达，已放弃", "The push was not delivered in the allowed time: given up",
        ErrorKind.Conflict), 410);
    public static NodeRefusal PushUnknown => new(new("node.push_unknown", "没有该编号的推送消息", "No push message has this id", ErrorKind.NotFound), 404);
    public static NodeRefusal TlsRefused => new(new("node.tls_refused", "对方节点的TLS证书与目录登记的指纹不符，或不允许使用明文http",
        "The other node's TLS certificate is not the one the directory pins, or plain http is not allowed", ErrorKind.Conflict), 502);
    public static NodeRefusal OnBehalfOfRequired => new(new("node.on_behalf_of_required", "请在X-On-Behalf-Of中说明为谁调用", "Say on whose behalf in X-On-Behalf-Of", ErrorKind.BadRequest), 400);
}

/// <summary>
/// A refusal as it comes back from another node or from the centre: ProblemDetails whose <c>code</c> is one of our reason
/// codes and whose first error carries the words in both languages (as <see cref="NodeRefusal.ToResult"/> writes them).
/// One reading for every caller; the other side's own error page never gets further than this.
/// </summary>
internal static class RefusalReasons
{
    /// <summary>The reason code of a refusal (at most 60 characters), or null when the answer carries none.</summary>
    public static string? CodeOf(JsonNode? problem) =>
        problem?["code"] is JsonValue value && value.TryGetValue<string>(out var code) && code.Length is > 0 and <= 60 ? code : null;

    /// <summary>The reason with its words in both languages (the code where a language is missing), or null when the answer is not one of our refusals.</summary>
    public static DomainError? Of(JsonNode? problem) =>
        CodeOf(problem) is { } code && problem!["errors"]?[0] is { } error ? new DomainError(code, Words(error["zh"]) ?? code, Words(error["en"]) ?? code) : null;

    private static string? Words(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var words) ? words : null;
}
