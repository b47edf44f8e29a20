namespace Tongban.Nodes.Contracts;

/// <summary>
/// <c>tongban-node-message/1</c>: the signed header of a request from a consumer node to a provider node. It carries
/// no personal data: the subject is an HMAC digest under the consumer node's log key, the body a digest of its bytes.
/// </summary>
public sealed record MessageHeader(string Format, Guid MessageId, DateTimeOffset SentAt, string Sender, string Recipient, string Service,
    string ServiceVersion, string Purpose, string OnBehalfOf, string SubjectDigest, string BodyDigest)
{
    public const string FormatName = "tongban-node-message/1";

    /// <summary>
    /// <c>tongban-node-push/1</c>: the same header for a push (store-and-forward) from a provider node to a subscriber's
    /// node: the purpose is the subscriber's right's, on-whose-behalf the pushing system, the body <see cref="PushBody"/>.
    /// Signed again at each attempt (a new time, the same message id): the recipient keeps the id and answers it once.
    /// </summary>
    public const string PushFormatName = "tongban-node-push/1";
}

/// <summary>What a push carries: optionally whose record (an ID number, digested in the header, never logged) and the data, a JSON object.</summary>
public sealed record PushBody(string? Key, System.Text.Json.Nodes.JsonObject Data);

/// <summary><c>tongban-node-response/1</c>: the provider node's signed answer header, bound to the request by its id.</summary>
public sealed record ResponseHeader(string Format, Guid RequestId, DateTimeOffset At, string Responder, string Outcome, string BodyDigest)
{
    public const string FormatName = "tongban-node-response/1";
}

/// <summary>What travels between nodes: the signed header (<see cref="SignedDocument"/>) and the body as the exact text the digest covers.</summary>
public sealed record NodeEnvelope(System.Text.Json.Nodes.JsonObject Message, string Body);

/// <summary>The request body: whose record (an ID number, which never leaves the body) and which items.</summary>
public sealed record ServiceRequest(string Key, IReadOnlyList<string> Items)
{
    /// <summary>A subject key is an identifier (ID number, credit code, certificate number): letters, digits and hyphens, 1 to 64.</summary>
    public static bool IsSubjectKey(string key) => key.Length is > 0 and <= 64 && key.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
}
