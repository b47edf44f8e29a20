using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Catalog.Data;
using Tongban.Kernel.Forms;
using Tongban.Kernel.Security;

namespace Tongban.Catalog.Tests;

/// <summary>The application form and the handling process on the item edit page.</summary>
public sealed partial class ItemFormTests
{
    private static List<KeyValuePair<string, string>> WithDefinitions(List<KeyValuePair<string, string>> form) =>
    [
        .. With(form, "Input.Materials[0].Key", "household_book")
            .Where(f => !f.Key.StartsWith("Input.FormFields", StringComparison.Ordinal) && !f.Key.StartsWith("Input.Process", StringComparison.Ordinal)),
        new("Input.FormFields[0].Key", "reason"), new("Input.FormFields[0].LabelZh", "申请原因"), new("Input.FormFields[0].LabelEn", "Reason"),
        new("Input.FormFields[0].Type", "Choice"), new("Input.FormFields[0].Required", "true"), new("Input.FormFields[0].Required", "false"),
        new("Input.FormFields[0].Options", "work=务工|Work\r\nother=其他|Other\r\n"),
        new("Input.FormFields[1].Key", "reason_other"), new("Input.FormFields[1].LabelZh", "其他原因"), new("Input.FormFields[1].LabelEn", "Other reason"),
        new("Input.FormFields[1].Type", "Text"), new("Input.FormFields[1].Required", "true"), new("Input.FormFields[1].VisibleWhen", "reason=other"),
        new("Input.FormFields[1].MaxLength", "50"),
        new("Input.FormFields[2].Key", "members"), new("Input.FormFields[2].LabelZh", "同住人数"), new("Input.FormFields[2].LabelEn", "People living with you"),
        new("Input.FormFields[2].Type", "Number"), new("Input.FormFields[2].Required", "false"), new("Input.FormFields[2].Min", "0"), new("Input.FormFields[2].Max", "9"),
        new("Input.FormFields[3].Key", ""), new("Input.FormFields[3].Type", "Text"), new("Input.FormFields[3].Required", "false"),
        new("Input.Process[0].Key", "review"), new("Input.Process[0].NameZh", "审查"), new("Input.Process[0].NameEn", "Review"), new("Input.Process[0].Role", Policies.Reviewer),
        new("Input.Process[1].Key", "decide"), new("Input.Process[1].NameZh", "决定"), new("Input.Process[1].NameEn", "Decision"), new("Input.Process[1].Role", Policies.Leader),
        new("Input.Process[2].Key", ""), new("Input.Process[2].Role", ""),
    ];

    [Theory]
    [DatabaseLanes]
    public async Task The_edit_page_saves_the_form_and_the_process_and_shows_them_again(DatabaseLane lane)
    {
        var (app, admin, suffix, code) = await StartAsync(lane, 7);
        await Feeds.PublishAsync(admin, await app.SignInAsync("司法局审查员", Policies.LegalityReviewer), Feeds.Item($"{suffix}0000000", Feeds.PublicSecurity, suffix, "居住证申领（表单定义）"));
        var page = $"/admin/catalog/items/{code}/edit";
        var shown = await admin.GetStringAsync(page);
        Assert.Contains("name=\"Input.FormFields[1].Key\"", shown, StringComparison.Ordinal); // two empty rows offered
        Assert.Contains("审查（审查人员） → 决定（审批人员）", shown, StringComparison.Ordinal); // the default process is named

        var saved = await PostAsync(admin, page, null, WithDefinitions(FormOf(shown)));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using var scope = app.Services.CreateAsyncScope();
        var item = await scope.ServiceProvider.GetRequiredService<CatalogDbContext>().Items.AsNoTracking().Include(i => i.Versions)
            .SingleAsync(i => i.ImplementationCode == code, TestContext.Current.CancellationToken);
        var draft = item.Versions.Single(v => v.Number == 2).Elements;
        Assert.Equal(["reason", "reason_other", "members"], draft.Form.Fields.Select(f => f.Key));
        Assert.Equal([new FormOption("work", "务工", "Work"), new FormOption("other", "其他", "Other")], draft.Form.Fields[0].Options!);
        Assert.Equal((new FormCondition("reason", "other"), 50, true), (draft.Form.Fields[1].VisibleWhen, draft.Form.Fields[1].MaxLength, draft.Form.Fields[1].Required));
        Assert.Equal((0m, 9m, FormFieldType.Number, false), (draft.Form.Fields[2].Min, draft.Form.Fields[2].Max, draft.Form.Fields[2].Type, draft.Form.Fields[2].Required));
        Assert.Equal([("review", Policies.Reviewer), ("decide", Policies.Leader)], draft.Process.Select(s => (s.Key, s.Role)));
        Assert.Equal(["household_book", "m2"], draft.Materials.Select((_, i) => draft.MaterialKey(i)));

        var again = FormOf(await admin.GetStringAsync(page));
        Assert.Contains(again, f => f is { Key: "Input.FormFields[0].Options", Value: "work=务工|Work\nother=其他|Other" });
        Assert.Contains(again, f => f is { Key: "Input.FormFields[1].VisibleWhen", Value: "reason=other" });
        Assert.Contains(again, f => f is { Key: "Input.FormFields[0].Type", Value: "Choice" });
        Assert.Contains(again, f => f is { Key: "Input.Process[1].Role", Value: Policies.Leader });
        Assert.Contains(again, f => f is { Key: "Input.Materials[0].Key", Value: "household_book" });
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_form_or_process_that_cannot_be_read_or_is_unsound_is_named_on_its_rows_and_nothing_is_saved(DatabaseLane lane)
    {
        var (app, admin, suffix, code) = await StartAsync(lane, 8);
        await Feeds.PublishAsync(admin, await app.SignInAsync("司法局审查员", Policies.LegalityReviewer), Feeds.Item($"{suffix}0000000", Feeds.PublicSecurity, suffix, "居住证申领（坏表单）"));
        var page = $"/admin/catalog/items/{code}/edit";
        var form = WithDefinitions(FormOf(await admin.GetStringAsync(page)));

        var unreadable = await PostAsync(admin, page, null, With(With(form, "Input.FormFields[0].Options", "work 务工"), "Input.FormFields[2].Max", "nine"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unreadable.StatusCode);
        var html = await unreadable.Content.ReadAsStringAsync();
        AssertFieldError(html, "Input.FormFields", "选项“work 务工”应写成“值=中文|English”");
        AssertFieldError(html, "Input.FormFields", "最大值“nine”不是数字");

        var unsound = await PostAsync(admin, page, null, With(With(form, "Input.FormFields[1].VisibleWhen", "members=3"), "Input.Process[1].Role", Policies.DataAdministrator));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unsound.StatusCode);
        html = await unsound.Content.ReadAsStringAsync();
        AssertFieldError(html, "Input.FormFields", "显示条件引用的“members”不是前面的项");
        AssertFieldError(html, "Input.Process", "办理环节第2步：角色“data-administrator”不能办理环节");
        Assert.Contains("value=\"reason_other\"", html, StringComparison.Ordinal); // what was typed is kept

        Assert.Single((await HistoryAsync(admin, code)).GetProperty("versions").EnumerateArray());
    }
}
