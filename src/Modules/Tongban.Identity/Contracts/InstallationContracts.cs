using Tongban.Kernel.Seeding;

namespace Tongban.Identity.Contracts;

/// <summary>
/// The first system administrator of a new installation, as <c>tongban identity create-admin</c> asks for it. Staff
/// belong to a department (the one running the platform): load the region's organisation first.
/// </summary>
public sealed record FirstAdministrator(string IdNumber, string Name, string Phone, string DepartmentCode);

/// <summary>
/// Creates the first system administrator (<c>tongban identity create-admin</c>) with a generated one-time password,
/// which the holder must replace at the first sign-in (then enrol an authenticator, as all staff do). Refused while
/// an active system administrator exists: from then on administrators create staff at <c>/admin/identity/accounts</c>.
/// </summary>
public interface IFirstAdministrator
{
    /// <summary>The one-time password, to hand over in person; it is shown once and stored only as a hash.</summary>
    Task<string> CreateAsync(FirstAdministrator administrator, CancellationToken cancellationToken);
}

/// <summary>
/// The demo accounts of a region pack (<c>accounts.json</c>) come with passwords published in the README. Asked at
/// start-up outside development: an account still holding one must not reach production.
/// </summary>
public interface IPublishedPasswords
{
    /// <summary>The masked ID numbers of the pack's demo accounts that exist here and still have their published password.</summary>
    Task<IReadOnlyList<string>> StillInUseAsync(RegionPack pack, CancellationToken cancellationToken);
}
