using Tongban.Kernel.Errors;
using Tongban.Licenses.Domain;

namespace Tongban.Licenses.Tests;

public sealed class LicenseLifecycleTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);
    private static readonly LicenseOfficer Officer = new("user:officer", Samples.Civil);

    [Fact]
    public void A_license_goes_from_valid_to_suspended_and_back_each_change_recorded_with_its_reason()
    {
        var license = Samples.License();
        license.Change(LicenseStatus.Suspended, "年检未通过", Officer, Today, DateTimeOffset.UtcNow);
        license.Change(LicenseStatus.Valid, "已整改", Officer, Today, DateTimeOffset.UtcNow);
        Assert.Equal(LicenseStatus.Valid, license.Status);
        Assert.Equal([(LicenseStatus.Valid, LicenseStatus.Suspended, "年检未通过"), (LicenseStatus.Suspended, LicenseStatus.Valid, "已整改")],
            license.History.Select(h => (h.From, h.To, h.Reason)));
        Assert.All(license.History, h => Assert.Equal("user:officer", h.Actor));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(7)]
    public void A_revoked_cancelled_or_penalised_license_never_comes_back(int code)
    {
        var final = (LicenseStatus)code;
        var license = Samples.License();
        license.Change(final, "依法处理", Officer, Today, DateTimeOffset.UtcNow);
        foreach (var to in new[] { LicenseStatus.Valid, LicenseStatus.Suspended, LicenseStatus.Revoked })
            Assert.Equal("license.status_change", Assert.Throws<DomainException>(() => license.Change(to, "再试", Officer, Today, DateTimeOffset.UtcNow)).Errors[0].Code);
        Assert.Equal(final, license.Status);
    }

    [Fact]
    public void A_change_by_an_administrator_of_another_authority_is_refused_and_changes_nothing()
    {
        var license = Samples.License();
        var error = Assert.Throws<DomainException>(() => license.Change(LicenseStatus.Revoked, "越权", new LicenseOfficer("user:x", Samples.Psb), Today, DateTimeOffset.UtcNow));
        Assert.Equal(("license.other_authority", ErrorKind.Forbidden), (error.Errors[0].Code, error.Kind));
        Assert.Equal(LicenseStatus.Valid, license.Status);
        Assert.Empty(license.History);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_change_without_a_reason_is_refused(string reason)
    {
        var license = Samples.License();
        Assert.Equal("license.reason_required", Assert.Throws<DomainException>(() => license.Change(LicenseStatus.Suspended, reason, Officer, Today, DateTimeOffset.UtcNow)).Errors[0].Code);
        Assert.Equal(LicenseStatus.Valid, license.Status);
    }

    [Fact]
    public void A_valid_license_past_its_end_date_reads_as_expired_and_cannot_be_suspended()
    {
        var license = Samples.License(until: new DateOnly(2026, 3, 1));
        Assert.Equal(LicenseStatus.Expired, license.StatusOn(Today));
        Assert.Equal(LicenseStatus.Valid, license.StatusOn(new DateOnly(2026, 3, 1)));
        Assert.Throws<DomainException>(() => license.Change(LicenseStatus.Suspended, "过期", Officer, Today, DateTimeOffset.UtcNow));
        license.Change(LicenseStatus.Cancelled, "到期注销", Officer, Today, DateTimeOffset.UtcNow);
        Assert.Equal(LicenseStatus.Cancelled, license.StatusOn(Today));
    }

    [Fact]
    public void A_replaced_version_links_to_its_successor_and_cannot_be_replaced_again()
    {
        var (old, next) = (Samples.License(), Samples.License());
        old.ReplaceWith(next, "延续", Officer, DateTimeOffset.UtcNow);
        Assert.Equal((LicenseStatus.Replaced, next.Id), (old.Status, old.NextId!.Value));
        Assert.Equal("license.renewal_not_allowed", Assert.Throws<DomainException>(() => old.ReplaceWith(Samples.License(), "再次", Officer, DateTimeOffset.UtcNow)).Errors[0].Code);
    }

    [Fact]
    public void The_public_sees_a_person_holder_masked_and_a_legal_person_whole()
    {
        var person = new Holder(HolderKind.Person, "211221196805129013", "张建国");
        Assert.Equal(("211221********9013", "张**", "111"), (person.MaskedCode, person.MaskedName, person.CodeType));
        var entity = new Holder(HolderKind.LegalPerson, "91211221TB000001X2", "铁岭县通办示范商贸有限公司");
        Assert.Equal(("91211221TB000001X2", "铁岭县通办示范商贸有限公司", "001"), (entity.MaskedCode, entity.MaskedName, entity.CodeType));
    }
}
