using Tongban.Kernel.Keys;

namespace Tongban.Kernel.Audit.Checkpoints;

internal static class CheckpointSignatures
{
    /// <summary>Whether a trusted key with the checkpoint's id and algorithm verifies its signature.</summary>
    public static bool IsTrusted(ChainCheckpoint checkpoint, IReadOnlyList<PublicSigningKey> trusted)
    {
        var key = trusted.FirstOrDefault(k => k.KeyId == checkpoint.KeyId && string.Equals(k.Algorithm, checkpoint.Algorithm, StringComparison.OrdinalIgnoreCase));
        if (key is null) return false;
        try
        {
            return key.Verify(checkpoint.SignedBytes(), Convert.FromBase64String(checkpoint.Signature));
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
