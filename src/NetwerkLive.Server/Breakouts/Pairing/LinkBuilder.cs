using System.Buffers;

namespace NetwerkLive.Server.Breakouts.Pairing;

/// <summary>
/// Collects met/blocked pairs by person index and builds the per-person sorted lists, merging a pair
/// listed twice (met and blocked) into one entry. Sorting makes the result independent of the order
/// the caller's sets enumerate in (string hashes are randomised per process). The scratch arrays are
/// rented: at 10,000 people they are large-object-heap sized, and allocating them every round would
/// cost the server a full garbage collection every other round.
/// </summary>
internal sealed class LinkBuilder(int people, int capacity)
{
    private readonly int[] _from = ArrayPool<int>.Shared.Rent(capacity);
    private readonly int[] _to = ArrayPool<int>.Shared.Rent(capacity);
    private readonly byte[] _flag = ArrayPool<byte>.Shared.Rent(capacity);
    private int _count;

    public void AddAll(Dictionary<string, int> index, IReadOnlySet<PairKey> pairs, byte flag)
    {
        foreach (var pair in pairs)
        {
            // Pairs about people who are not candidates this round say nothing about this round.
            if (pair.First is null || pair.Second is null
                || !index.TryGetValue(pair.First, out var a) || !index.TryGetValue(pair.Second, out var b) || a == b
                || _count + 2 > capacity)
            {
                continue;
            }
            Add(a, b, flag);
            Add(b, a, flag);
        }
    }

    private void Add(int from, int to, byte flag)
    {
        _from[_count] = from;
        _to[_count] = to;
        _flag[_count] = flag;
        _count++;
    }

    public PairingProblem.Links Build(byte blockedFlag)
    {
        var start = new int[people + 1];
        for (var e = 0; e < _count; e++)
        {
            start[_from[e] + 1]++;
        }
        for (var i = 0; i < people; i++)
        {
            start[i + 1] += start[i];
        }
        var other = new int[_count];
        var flags = new byte[_count];
        var fill = start[..^1];
        for (var e = 0; e < _count; e++)
        {
            var at = fill[_from[e]]++;
            other[at] = _to[e];
            flags[at] = _flag[e];
        }

        var compact = new int[people + 1];
        var blockedCount = new int[people];
        var write = 0;
        for (var i = 0; i < people; i++)
        {
            var from = start[i];
            var length = start[i + 1] - from;
            SortSegment(other, flags, from, length);
            compact[i] = write;
            for (var e = from; e < from + length; e++)
            {
                if (write > compact[i] && other[write - 1] == other[e])
                {
                    flags[write - 1] |= flags[e];
                }
                else
                {
                    other[write] = other[e];
                    flags[write] = flags[e];
                    write++;
                }
            }
            for (var e = compact[i]; e < write; e++)
            {
                blockedCount[i] += (flags[e] & blockedFlag) != 0 ? 1 : 0;
            }
        }
        compact[people] = write;
        ArrayPool<int>.Shared.Return(_from);
        ArrayPool<int>.Shared.Return(_to);
        ArrayPool<byte>.Shared.Return(_flag);
        return new PairingProblem.Links(compact, other, flags, blockedCount);
    }

    /// <summary>Insertion sort for the usual handful of links; Array.Sort for long lists.</summary>
    private static void SortSegment(int[] keys, byte[] items, int from, int length)
    {
        if (length > 24)
        {
            Array.Sort(keys, items, from, length);
            return;
        }
        for (var i = from + 1; i < from + length; i++)
        {
            var key = keys[i];
            var item = items[i];
            var j = i - 1;
            while (j >= from && keys[j] > key)
            {
                keys[j + 1] = keys[j];
                items[j + 1] = items[j];
                j--;
            }
            keys[j + 1] = key;
            items[j + 1] = item;
        }
    }
}
