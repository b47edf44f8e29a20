using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Tongban.Web.Shell;

/// <summary>
/// What the APIs accept as JSON, once for every endpoint: a null where the type says a value is never null, a
/// constructor member without a default left out, or a member given twice is a malformed request (400 through
/// <see cref="BadRequestMapping"/>), so no handler meets a null its types promise it will not. Only what is read is
/// checked: an answer is written as it is.
/// </summary>
internal static class StrictJson
{
    public static void Apply(JsonSerializerOptions options)
    {
        options.RespectNullableAnnotations = true;
        options.AllowDuplicateProperties = false;
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(ReadOnlyChecks);
    }

    private static void ReadOnlyChecks(JsonTypeInfo type)
    {
        foreach (var property in type.Properties)
        {
            if (property.PropertyType.IsValueType) continue;
            property.IsGetNullable = true;
            if (property.AssociatedParameter is { IsNullable: false, HasDefaultValue: false, IsMemberInitializer: false }) property.IsRequired = true;
        }
    }
}
