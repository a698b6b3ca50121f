namespace Scripts.Tests.Support;

/// <summary>What the fault server answers on one path. Faults are opt-in through the init properties.</summary>
/// <param name="Status">HTTP status code.</param>
/// <param name="ContentType">Content-Type header value.</param>
/// <param name="Body">Body text; <c>{authorization}</c> is replaced by the request's Authorization header.</param>
public sealed record Answer(int Status, string ContentType, string Body)
{
    /// <summary>Wait this long before answering (a hanging endpoint when long).</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>Answer 503 <c>{"status":"starting"}</c> to the first N calls, like a backend still starting.</summary>
    public int UnavailableForFirst { get; init; }

    /// <summary>Answer 500 to every Nth call (0 = never), for the error-rate probe.</summary>
    public int FailEvery { get; init; }

    /// <summary>Answer 401 unless the request carries <c>Authorization: Bearer</c> with this token.</summary>
    public string? RequiredBearer { get; init; }

    /// <summary>The build named in X-App-Version: call N gets <c>Versions[(N - 1) % Count]</c>; empty sends no header.</summary>
    public IReadOnlyList<string> Versions { get; init; } = [];

    public static Answer Json(string body, int status = 200) => new(status, "application/json", body);

    public static Answer Html(string body, int status = 200) => new(status, "text/html; charset=utf-8", body);

    public static Answer JavaScript(string body) => new(200, "text/javascript; charset=utf-8", body);

    public static Answer Text(string body, int status) => new(status, "text/plain; charset=utf-8", body);

    public static Answer Hanging() => Json("[]") with { Delay = TimeSpan.FromMinutes(5) };
}
