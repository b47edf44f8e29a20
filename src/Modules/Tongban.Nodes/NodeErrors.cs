using Tongban.Kernel.Errors;

namespace Tongban.Nodes;

/// <summary>The reason codes of the nodes, each with its bilingual message (ProblemDetails through the kernel's mapping).</summary>
internal static class NodeErrors
{
    public static DomainError NodeExists(string id) =>
        new("node.exists", $"节点{id}已登记", $"Node {id} is already registered", ErrorKind.Conflict);

    public static DomainError BadNodeCode => new("node.code_invalid", "节点编码只能由1到32位小写字母、数字和连字符组成",
        "A node code has 1 to 32 lower-case letters, digits and hyphens", Field: "code");

    public static DomainError BadAddress => new("node.address_invalid", "节点地址必须是https地址（仅本机测试可用http）",
        "A node address must be an https URL (http only on loopback, for tests)", Field: "address");

    public static DomainError BadPublicKey => new("node.public_key_invalid", "节点公钥不是SM2或P-256公钥（PEM格式）",
        "The node's public key is not an SM2 or P-256 public key (PEM)", Field: "publicKey");

    public static DomainError BadFingerprint => new("node.tls_fingerprint_invalid", "TLS证书指纹必须是64位十六进制SHA-256值",
        "The TLS fingerprint must be a SHA-256 value in 64 hexadecimal digits", Field: "tlsFingerprint");

    public static DomainError SameKey => new("node.key_unchanged", "新公钥与目录中的公钥相同：请先在节点上运行 tongban node rotate-key",
        "The new public key is the one the directory holds: run `tongban node rotate-key` on the node first", Field: "publicKey");

    public static DomainError UnknownNode(string id) =>
        new("node.unknown", $"目录中没有节点{id}", $"No node {id} is registered", ErrorKind.NotFound, Field: "node");

    public static DomainError ServiceExists(string code) =>
        new("node.service_exists", $"服务{code}已登记", $"Service {code} is already registered", ErrorKind.Conflict);

    public static DomainError BadServiceCode => new("node.service_code_invalid", "服务编码只能由1到40位小写字母、数字和连字符组成",
        "A service code has 1 to 40 lower-case letters, digits and hyphens", Field: "code");

    public static DomainError NoItems => new("node.service_items_required", "服务至少要返回一个数据项",
        "A service returns at least one data item", Field: "items");

    public static DomainError TitleRequired => new("node.service_title_required", "请填写服务名称", "A service needs a title", Field: "title");

    public static DomainError NoMemberNode(string member) => new("node.member_has_no_node", $"单位{member}还没有登记节点，不能提供服务",
        $"Member {member} has no registered node, so it cannot offer a service", Field: "provider");

    public static DomainError UnknownResource(string code) => new("node.resource_unknown", $"共享目录中没有该单位发布的资源{code}",
        $"The provider has published no sharing resource {code}", Field: "resource");

    public static DomainError ConfigurationSignatureInvalid => new("node.configuration_signature_invalid",
        "配置文件的签名无法用中心公钥验证，已拒收，继续使用上一份有效配置",
        "The configuration's signature does not verify under the centre's key: kept out, the last good one stays", ErrorKind.BadRequest);

    public static DomainError ConfigurationOlder(long offered, long held) => new("node.configuration_older",
        $"配置版本{offered}不比已有的版本{held}新，已拒收", $"Configuration version {offered} is not newer than the held version {held}: kept out", ErrorKind.Conflict);

    public static DomainError ConfigurationExpired => new("node.configuration_expired",
        "节点的配置已过期且无法从中心更新，停止调用", "The node's configuration has expired and could not be refreshed from the centre: calls stop",
        ErrorKind.Conflict);

    public static DomainError NoAnchor => new("node.no_anchor", "节点没有中心公钥（Nodes:AnchorFile），无法验证配置",
        "The node has no anchor (Nodes:AnchorFile, the centre's public key), so it cannot verify a configuration", ErrorKind.Conflict);

    public static DomainError NoConfiguration => new("node.no_configuration",
        "节点尚未取得中心的配置", "The node has no configuration from the centre yet", ErrorKind.Conflict);
}
