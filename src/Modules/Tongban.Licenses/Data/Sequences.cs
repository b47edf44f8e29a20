using Tongban.Kernel.Data;

namespace Tongban.Licenses.Data;

/// <summary>Named counters in lic_sequences (<see cref="NamedCounters"/>): serial numbers and status-list places.</summary>
internal static class Sequences
{
    public static string Serial(string typeCode, string issuerCode) => $"serial:{typeCode}:{issuerCode}";

    public static string StatusPlace(string issuerCode) => $"status:{issuerCode}";

    /// <summary>Reserves <paramref name="count"/> numbers of <paramref name="name"/>: the first of them (counting from 1).</summary>
    public static async Task<long> ReserveAsync(this LicensesDbContext db, string name, int count, CancellationToken ct) =>
        await db.Database.AdvanceAsync("lic_sequences", name, count, ct) - count + 1;

    /// <summary>
    /// A license's place in its issuer's status lists: the n-th license of the issuer (from 1) spread over the first
    /// 131,072 places by an odd multiplier (a bijection modulo 2^17), so places do not reveal issue order (the Bitstring
    /// Status List asks for random places); past that, places follow on.
    /// </summary>
    public static int StatusIndex(long n)
    {
        const long Size = 131_072;
        var zeroBased = n - 1;
        return zeroBased < Size ? (int)(zeroBased * 76_543 % Size) : checked((int)zeroBased);
    }
}
