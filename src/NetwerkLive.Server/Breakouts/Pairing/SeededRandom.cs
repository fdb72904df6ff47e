namespace NetwerkLive.Server.Breakouts.Pairing;

/// <summary>
/// SplitMix64. Our own generator rather than System.Random so that a seed replays the same round on
/// every runtime version and machine: the sequence is defined here, not by the framework.
/// </summary>
internal sealed class SeededRandom(ulong seed)
{
    private ulong _state = seed;

    public SeededRandom(int seed, ulong stream)
        : this(((ulong)(uint)seed << 32) ^ (stream * 0xD1B54A32D192ED03UL))
    {
    }

    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, bound); the multiply-shift bias is below 2^-32 for our sizes.</summary>
    public int Next(int bound) => (int)(((NextUInt64() >> 32) * (ulong)(uint)bound) >> 32);
}
