using System.Data.Common;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Tongban.Kernel.Data;

/// <summary>Hand-written statements (bulk and hot paths EF Core does not serve) write values exactly as EF Core would.</summary>
public static class DbCommands
{
    public static void AddParameter(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    /// <summary>Values as the provider stores them for the properties they go to, in order.</summary>
    public static object?[] ToProvider(this IReadOnlyList<IProperty> properties, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++) values[i] = properties[i].ToProvider(values[i]);
        return values;
    }

    /// <summary>A value as the provider stores it for <paramref name="property"/> (e.g. the kernel's tick encoding of instants on SQLite).</summary>
    public static object? ToProvider(this IProperty property, object? value) =>
        value is not null && property.GetTypeMapping().Converter is { } converter ? converter.ConvertToProvider(value) : value;
}
