using Tongban.Kernel.Data;

namespace Tongban.Halls.Data;

/// <summary>
/// The daily ticket counter of a hall's category in hl_sequences: one upsert on both providers advances it and reads the
/// new value back, so two kiosks taking a ticket at once get two numbers (the database serialises the row).
/// </summary>
internal static class TicketCounter
{
    public static string Name(Guid hallId, DateOnly day, string letter) => $"ticket:{hallId:N}:{day:yyyyMMdd}:{letter}";

    public static async Task<int> NextAsync(this HallsDbContext db, string name, CancellationToken ct) =>
        checked((int)await db.Database.AdvanceAsync("hl_sequences", name, 1, ct));
}
