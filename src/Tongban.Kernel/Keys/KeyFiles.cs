using System.Text;
using Microsoft.Extensions.Options;
using Tongban.Kernel.Data;

namespace Tongban.Kernel.Keys;

/// <summary>Section <c>Keys</c>: where the installation's key files live.</summary>
public sealed class KeysOptions
{
    public const string Section = "Keys";

    /// <summary>The key directory; <c>{Storage:DataDirectory}/keys</c> when empty. Never inside the database.</summary>
    public string? Directory { get; set; }
}

/// <summary>
/// Key files kept outside the database, in one directory (<c>Keys:Directory</c>, by default
/// <c>{Storage:DataDirectory}/keys</c>). Someone who can write the database — an injected statement, a stolen
/// database account, a restored dump — cannot read or replace these keys, which is what makes a signature made
/// with them (audit checkpoints) or a value encrypted under them worth anything. The directory is made readable by
/// the service account only (0700) and every key file 0600; on first use a key is made and written atomically, so
/// several processes starting together agree on one key. Back the directory up apart from the database
/// (docs/operations.md, "Keys"). Any module may keep its keys here, one file per name.
/// </summary>
public sealed class KeyFiles(IOptions<KeysOptions> keys, IOptions<StorageOptions> storage)
{
    public string Directory { get; } = Path.GetFullPath(string.IsNullOrWhiteSpace(keys.Value.Directory)
        ? Path.Combine(storage.Value.DataDirectory, "keys") : keys.Value.Directory);

    public string PathOf(string name) => Path.Combine(Directory, name);

    /// <summary>The named file's text, or null when it does not exist. Never creates anything (a read-only caller's way in).</summary>
    public string? Read(string name) => File.Exists(PathOf(name)) ? File.ReadAllText(PathOf(name), Encoding.UTF8) : null;

    /// <summary>The names of the key files that match <paramref name="pattern"/> (none when the directory does not exist; never a file being written).</summary>
    public IReadOnlyList<string> Find(string pattern) => System.IO.Directory.Exists(Directory)
        ? [.. System.IO.Directory.EnumerateFiles(Directory, pattern).Select(Path.GetFileName).OfType<string>().Where(n => !n.StartsWith('.')).Order(StringComparer.Ordinal)]
        : [];

    /// <summary>
    /// The named secret file's text, made with <paramref name="create"/> on first use: written to a temporary file
    /// readable by the owner only, then moved into place unless another process got there first, whose key is used.
    /// </summary>
    public string GetOrCreate(string name, Func<string> create)
    {
        if (Read(name) is { } existing) return existing;
        EnsureDirectory();
        var temporary = PathOf($".{name}.{Guid.NewGuid():N}.tmp");
        WriteOwnerOnly(temporary, create());
        try
        {
            File.Move(temporary, PathOf(name), overwrite: false);
        }
        catch (IOException) when (File.Exists(PathOf(name)))
        {
            File.Delete(temporary);
        }
        return Read(name)!;
    }

    /// <summary>Writes a secret file readable by the owner only, replacing what was there (a restore puts keys back).</summary>
    public void WriteSecret(string name, string text)
    {
        EnsureDirectory();
        var temporary = PathOf($".{name}.{Guid.NewGuid():N}.tmp");
        WriteOwnerOnly(temporary, text);
        File.Move(temporary, PathOf(name), overwrite: true);
    }

    /// <summary>Writes a file anyone may read (a public key), replacing what was there.</summary>
    public void WritePublic(string name, string text)
    {
        EnsureDirectory();
        File.WriteAllText(PathOf(name), text, Encoding.UTF8);
    }

    /// <summary>Moves a key file to a new name in the directory (key rotation keeps the retired public half).</summary>
    public void Rename(string name, string newName) => File.Move(PathOf(name), PathOf(newName), overwrite: false);

    public void Delete(string name) => File.Delete(PathOf(name));

    private void EnsureDirectory()
    {
        if (OperatingSystem.IsWindows()) System.IO.Directory.CreateDirectory(Directory);
        else System.IO.Directory.CreateDirectory(Directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private static void WriteOwnerOnly(string path, string text)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var stream = new FileStream(path, options);
        using var writer = new StreamWriter(stream, new UTF8Encoding(false));
        writer.Write(text);
        writer.Flush();
        stream.Flush(flushToDisk: true);
    }
}
