namespace CrmSaaS.Functions.Tests.Identity;

/// <summary>A clock the test moves forward (Microsoft.Extensions.TimeProvider.Testing does not restore here).</summary>
public sealed class FakeClock : TimeProvider
{
    private DateTimeOffset _now = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;

    /// <summary>Back to the real time (tokens issued now must validate against the real clock).</summary>
    public void Reset() => _now = DateTimeOffset.UtcNow;
}
