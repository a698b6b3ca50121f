namespace Build.Tools.Bandit;

/// <summary>A bandit severity or confidence threshold: report issues at this level or higher.</summary>
public enum BanditLevel
{
    Low = 1,
    Medium = 2,
    High = 3,
}
