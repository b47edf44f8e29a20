using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Tongban.Kernel.Data;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Files;

namespace Tongban.Kernel.Tests.Files;

public sealed class FileStoreTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "tongban-files-" + Guid.NewGuid().ToString("N"));

    private LocalFileStore Store(long maxBytes = 20 * 1024 * 1024) =>
        new(Options.Create(new StorageOptions { DataDirectory = _data }), Options.Create(new FilesOptions { MaxBytes = maxBytes }));

    private static byte[] Sample(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Files", "Samples", name));

    /// <summary>Every file under the store's folder, the temporary ones included.</summary>
    private string[] FilesOnDisk() => Directory.Exists(_data) ? Directory.GetFiles(_data, "*", SearchOption.AllDirectories) : [];

    public void Dispose()
    {
        if (Directory.Exists(_data)) Directory.Delete(_data, recursive: true);
    }

    [Theory]
    [InlineData("sample.pdf", FileKind.Pdf, "application/pdf")]
    [InlineData("sample.jpg", FileKind.Jpeg, "image/jpeg")]
    [InlineData("sample.png", FileKind.Png, "image/png")]
    [InlineData("sample.ofd", FileKind.Ofd, "application/ofd")]
    public async Task A_real_file_of_each_kind_is_stored_and_read_back(string name, FileKind kind, string contentType)
    {
        var bytes = Sample(name);
        var store = Store();

        var stored = await store.SaveAsync(new MemoryStream(bytes), TestContext.Current.CancellationToken);

        Assert.Equal((kind, contentType, (long)bytes.Length), (stored.Kind, stored.ContentType, stored.Size));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), stored.Sha256);
        Assert.Matches("^[0-9a-f]{64}$", stored.Id);
        await using var read = await store.OpenAsync(stored.Id, TestContext.Current.CancellationToken);
        using var copy = new MemoryStream();
        await read!.CopyToAsync(copy, TestContext.Current.CancellationToken);
        Assert.Equal(bytes, copy.ToArray());
        Assert.Single(FilesOnDisk());
    }

    [Theory]
    [InlineData("program.exe.pdf")]
    [InlineData("plain.zip")]
    public async Task A_file_of_another_kind_is_refused_whatever_its_name_and_nothing_is_kept(string name)
    {
        var error = await Assert.ThrowsAsync<DomainException>(() => Store().SaveAsync(new MemoryStream(Sample(name)), TestContext.Current.CancellationToken));

        Assert.Equal(("file.type", "file"), (error.Errors[0].Code, error.Errors[0].Field));
        Assert.Contains("OFD", error.Errors[0].Chinese, StringComparison.Ordinal);
        Assert.Empty(FilesOnDisk());
    }

    [Fact]
    public async Task An_empty_file_is_refused()
    {
        var error = await Assert.ThrowsAsync<DomainException>(() => Store().SaveAsync(new MemoryStream(), TestContext.Current.CancellationToken));
        Assert.Equal("file.empty", error.Errors[0].Code);
        Assert.Empty(FilesOnDisk());
    }

    [Fact]
    public async Task A_file_over_the_limit_is_refused_before_it_is_read_whole_and_nothing_is_kept()
    {
        var pdf = Sample("sample.pdf");
        var store = Store(maxBytes: pdf.Length - 1);
        var upload = new MemoryStream([.. pdf, .. new byte[1024 * 1024]]);

        var error = await Assert.ThrowsAsync<DomainException>(() => store.SaveAsync(upload, TestContext.Current.CancellationToken));

        Assert.Equal("file.too_large", error.Errors[0].Code);
        Assert.True(upload.Position < upload.Length, "the upload is abandoned as soon as it passes the limit");
        Assert.Empty(FilesOnDisk());
        Assert.Equal(FileKind.Pdf, (await Store(maxBytes: pdf.Length).SaveAsync(new MemoryStream(pdf), TestContext.Current.CancellationToken)).Kind);
    }

    [Fact]
    public void The_default_limit_is_20_MiB() => Assert.Equal(20 * 1024 * 1024, new FilesOptions().MaxBytes);

    [Fact]
    public async Task Two_saves_of_the_same_content_get_different_ids_and_deleting_one_leaves_the_other()
    {
        var store = Store();
        var png = Sample("sample.png");
        var first = await store.SaveAsync(new MemoryStream(png), TestContext.Current.CancellationToken);
        var second = await store.SaveAsync(new MemoryStream(png), TestContext.Current.CancellationToken);

        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(first.Sha256, second.Sha256);
        Assert.True(await store.DeleteAsync(first.Id, TestContext.Current.CancellationToken));
        Assert.False(await store.DeleteAsync(first.Id, TestContext.Current.CancellationToken));
        Assert.Null(await store.OpenAsync(first.Id, TestContext.Current.CancellationToken));
        await using var kept = await store.OpenAsync(second.Id, TestContext.Current.CancellationToken);
        Assert.NotNull(kept);
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("tmp")]
    [InlineData("")]
    public async Task A_malformed_id_opens_nothing(string id)
    {
        var store = Store();
        await store.SaveAsync(new MemoryStream(Sample("sample.jpg")), TestContext.Current.CancellationToken);
        Assert.Null(await store.OpenAsync(id, TestContext.Current.CancellationToken));
        Assert.False(await store.DeleteAsync(id, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Kinds_are_told_by_content_and_a_zip_is_an_OFD_only_with_OFD_xml()
    {
        Assert.Equal(FileKind.Ofd, FileKinds.Detect(new MemoryStream(Sample("sample.ofd"))));
        Assert.Null(FileKinds.Detect(new MemoryStream(Sample("plain.zip"))));
        Assert.Null(FileKinds.Detect(new MemoryStream("PK\u0003\u0004 broken"u8.ToArray())));
        Assert.Null(FileKinds.Detect(new MemoryStream("%PD"u8.ToArray())));
    }
}
