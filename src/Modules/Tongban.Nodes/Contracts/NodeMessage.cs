namespace Tongban.Nodes.Contracts;

/// <summary>
/// <c>tongban-node-message/1</c>: the signed header of a request from a consumer node to a provider node. It carries
/// no personal data: the subject is an HMAC digest under the consumer node's log key, the body a digest of its bytes.
/// </summary>
public sealed record MessageHeader(string Format, Guid MessageId, DateTimeOffset SentAt, string Sender, string Recipient, string Service,
    string ServiceVersion, string Purpose, string OnBehalfOf, string SubjectDigest, string BodyDigest)
{
    public const string FormatName = "tongban-node-message/1";
}

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
