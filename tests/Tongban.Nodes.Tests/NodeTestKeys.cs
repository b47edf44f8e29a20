using Microsoft.Extensions.Options;
using Tongban.Kernel.Data;
using Tongban.Kernel.Keys;

namespace Tongban.Nodes.Tests;

/// <summary>Signing keys of the test's own, in a temporary key directory (a node's key, a forger's key, a stand-in centre).</summary>
internal sealed class NodeTestKeys : IDisposable
{
    private readonly string _directory = System.IO.Directory.CreateTempSubdirectory("tongban-node-keys-").FullName;

    public SigningKey Key(string name, string algorithm = SignatureSchemes.Sm2) =>
        new SigningKeys(new KeyFiles(Options.Create(new KeysOptions { Directory = _directory }), Options.Create(new StorageOptions()))).GetOrCreate(name, algorithm);

    /// <summary>Writes the key's public half to a file and returns its path (an anchor file, a --public-key file).</summary>
    public string PublicKeyFile(SigningKey key) => PublicKeyFile(key.Public);

    public string PublicKeyFile(PublicSigningKey key)
    {
        var path = Path.Combine(_directory, key.KeyId + ".pem");
        File.WriteAllText(path, key.Pem);
        return path;
    }

    public void Dispose() => System.IO.Directory.Delete(_directory, recursive: true);
}
