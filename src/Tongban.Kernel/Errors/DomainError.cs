namespace Tongban.Kernel.Errors;

/// <summary>What kind of rule a request broke; decides the HTTP status once, in <see cref="DomainErrorMapping"/>.</summary>
public enum ErrorKind
{
    /// <summary>Well-formed but against a rule: 422.</summary>
    Invalid,

    /// <summary>The request itself is wrong (an unknown field, a refused query shape): 400.</summary>
    BadRequest,
    NotFound,
    Conflict,
    Forbidden,
}

/// <summary>
/// A broken rule with a stable code and a message in both languages. <see cref="Field"/> names the
/// input at fault (a form field, a CSV column with its line) so pages and APIs can point at it.
/// </summary>
public sealed record DomainError(string Code, string Chinese, string English, ErrorKind Kind = ErrorKind.Invalid, string? Field = null)
{
    public string Message => Localization.Text.T(Chinese, English);

    public DomainError At(string field) => this with { Field = field };

    public static DomainError NotFound(string what, string whatEn) =>
        new("not_found", $"未找到{what}", $"{whatEn} was not found", ErrorKind.NotFound);
}

/// <summary>Thrown by aggregates and handlers when a rule is broken; nothing has been saved when it escapes.</summary>
public sealed class DomainException : Exception
{
    public DomainException(DomainError error) : base(error.English) => Errors = [error];

    public DomainException(IReadOnlyList<DomainError> errors) : base(string.Join("; ", errors.Select(e => e.English)))
    {
        if (errors.Count == 0) throw new ArgumentException("At least one error is required.", nameof(errors));
        Errors = errors;
    }

    public DomainException() : this(new DomainError("unknown", "未知错误", "Unknown error")) { }

    public DomainException(string message) : this(new DomainError("error", message, message)) { }

    public DomainException(string message, Exception inner) : base(message, inner) =>
        Errors = [new DomainError("error", message, message)];

    public IReadOnlyList<DomainError> Errors { get; }

    public ErrorKind Kind => Errors[0].Kind;
}
