using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Kernel.Security;
using Tongban.Kernel.Web;

namespace Tongban.Web.Pages.Admin;

/// <summary>The administration home: the host's own entries and what each module contributes, by the reader's roles.</summary>
[Authorize]
public sealed class AdminHomeModel(IEnumerable<AdminLink> links, IAuthorizationService authorization) : PageModel
{
    private static readonly AdminLink[] HostLinks =
    [
        new("/admin/calendar", "工作日历", "Working-day calendar", "法定节假日和调休上班日", "Public holidays and adjusted working days", Policies.SystemAdministrator, 80),
        new("/admin/audit", "审计日志", "Audit log", "查看记录并校验哈希链", "Read entries and verify the hash chain", Policies.SystemAdministrator, 90),
    ];

    public IReadOnlyList<AdminLink> Links { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var visible = new List<AdminLink>();
        foreach (var link in links.Concat(HostLinks).OrderBy(l => l.Order))
            if ((await authorization.AuthorizeAsync(User, link.Policy)).Succeeded && visible.All(v => v.Href != link.Href))
                visible.Add(link);
        Links = visible;
    }
}
