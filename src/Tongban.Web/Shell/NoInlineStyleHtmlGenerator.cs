using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;

namespace Tongban.Web.Shell;

/// <summary>
/// ASP.NET Core's validation summary puts <c>&lt;li style="display:none"&gt;</c> into an empty summary, a place for
/// client-side validation scripts to fill. Tongban has no such script, and the Content-Security-Policy allows no
/// inline style, so an empty summary is left empty.
/// </summary>
internal sealed class NoInlineStyleHtmlGenerator(IAntiforgery antiforgery, IOptions<MvcViewOptions> options, IModelMetadataProvider metadata,
    IUrlHelperFactory urls, HtmlEncoder encoder, ValidationHtmlAttributeProvider validation)
    : DefaultHtmlGenerator(antiforgery, options, metadata, urls, encoder, validation)
{
    private const string HiddenItem = "<li style=\"display:none\"></li>";

    public override TagBuilder GenerateValidationSummary(ViewContext viewContext, bool excludePropertyErrors, string? message, string? headerTag, object? htmlAttributes)
    {
        var summary = base.GenerateValidationSummary(viewContext, excludePropertyErrors, message, headerTag, htmlAttributes);
        if (summary is null) return summary!;
        using var writer = new StringWriter();
        summary.InnerHtml.WriteTo(writer, HtmlEncoder.Default);
        var html = writer.ToString();
        if (html.Contains(HiddenItem, StringComparison.Ordinal))
            summary.InnerHtml.Clear().AppendHtml(html.Replace(HiddenItem, "", StringComparison.Ordinal));
        return summary;
    }
}
