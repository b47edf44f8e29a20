namespace Tongban.Kernel.Files;

/// <summary>
/// Where material files are kept. Saving checks the kind by content and the size limit before anything is kept;
/// a refusal is a <see cref="Errors.DomainException"/> on the field "file". Ids cannot be guessed, and the store
/// never serves content itself: whoever holds an id decides who may read it.
/// </summary>
public interface IFileStore
{
    Task<StoredFile> SaveAsync(Stream content, CancellationToken cancellationToken);

    /// <summary>The content, or null when there is no file with this id (or the id is malformed).</summary>
    Task<Stream?> OpenAsync(string id, CancellationToken cancellationToken);

    /// <summary>Removes the file; false when there was none.</summary>
    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken);
}
