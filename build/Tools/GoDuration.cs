namespace Build.Tools;

/// <summary>
/// Formats a <see cref="TimeSpan"/> the way Go's <c>time.Duration</c> prints (helm, kubectl and trivy parse it).
/// </summary>
public static class GoDuration
{
    public static string Format(TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value,
                "A tool timeout must be positive (e.g. TimeSpan.FromMinutes(5) → 5m0s).");
        }
        if (value < TimeSpan.FromSeconds(1))
        {
            return $"{(long)value.TotalMilliseconds}ms";
        }
        var hours = (long)value.TotalHours;
        var seconds = (value.Ticks % TimeSpan.TicksPerMinute) / (decimal)TimeSpan.TicksPerSecond;
        var secondsText = seconds.ToString("0.###", CultureInfo.InvariantCulture) + "s";
        if (hours > 0)
        {
            return $"{hours}h{value.Minutes}m{secondsText}";
        }
        return value.Minutes > 0 ? $"{value.Minutes}m{secondsText}" : secondsText;
    }
}
