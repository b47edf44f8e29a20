namespace Tongban.Halls.Contracts;

/// <summary>
/// One hall's figures in one month of the region (<see cref="Month"/> "yyyy-MM"), by the day of the ticket or the
/// appointment: queue tickets taken; of them those called to a window and the seconds they waited until first called;
/// appointments whose slot has ended or that were checked in (cancelled ones not counted), and of them those checked in.
/// Counts and sums only, never a ticket, an appointment or a person.
/// </summary>
public sealed record HallMonthFigures(string Month, Guid HallId, long Tickets, long TicketsCalled, long WaitingSeconds, long AppointmentsDue, long AppointmentsCheckedIn);

/// <summary>The halls' figures for the statistics module (read-only).</summary>
public interface IHallFigures
{
    /// <summary>Per hall and month, the region's days <paramref name="from"/> to <paramref name="to"/> inclusive; one hall's when given. Rows with nothing are left out.</summary>
    Task<IReadOnlyList<HallMonthFigures>> MonthlyAsync(DateOnly from, DateOnly to, Guid? hallId, CancellationToken cancellationToken);
}
