namespace Tongban.Licenses;

/// <summary>Section <c>Licenses</c>.</summary>
internal sealed class LicensesOptions
{
    public const string Section = "Licenses";

    /// <summary><c>SM2</c> (default: SM2 with SM3, GM/T 0009 user ID) or <c>P-256</c> (ECDSA with SHA-256) for new seal keys.</summary>
    public string SealAlgorithm { get; set; } = "SM2";

    /// <summary>The master key file that seals the private keys; default <c>{Storage:DataDirectory}/keys/licenses.key</c>. Outside the database, the same on every instance.</summary>
    public string? KeyFile { get; set; }

    /// <summary>
    /// The public address of the platform (e.g. <c>https://zwfw.example.gov.cn</c>) printed in QR codes and credentials.
    /// Empty: the address of the request (a page or API call); the command line then has none and prints paths.
    /// </summary>
    public string? PublicOrigin { get; set; }

    /// <summary>The resource of the sharing catalog whose grant lets a department system read license data (verification needs none).</summary>
    public string SharingResource { get; set; } = "";

    /// <summary>How long a share link stays valid at most.</summary>
    public TimeSpan MaxShareLife { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How many generated historical records the demo region loads through the import (0: none; the tests' default, to keep each fixture's start short).</summary>
    public int DemoHistoryRecords { get; set; } = 3_300;

    /// <summary>
    /// How many checked seals verification keeps in memory per instance (a few KB each: the license's face), so that a
    /// license checked again costs a row read, not a decryption and a signature check; the status is read every time.
    /// </summary>
    public int CheckedSeals { get; set; } = 20_000;
}
