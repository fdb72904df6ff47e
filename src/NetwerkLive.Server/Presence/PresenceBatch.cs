using NetwerkLive.Contracts;

namespace NetwerkLive.Server.Presence;

/// <summary>
/// The presence changes of one event since the last message. Later changes to the same attendee
/// overwrite earlier ones, so a batch names each attendee at most once.
/// </summary>
public sealed class PresenceBatch
{
    private readonly Dictionary<string, Attendee> _joined = new(StringComparer.Ordinal);
    private readonly HashSet<string> _left = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Attendee> _updated = new(StringComparer.Ordinal);

    public bool IsEmpty => _joined.Count == 0 && _left.Count == 0 && _updated.Count == 0;

    public void Joined(Attendee attendee)
    {
        _left.Remove(attendee.Id);
        _updated.Remove(attendee.Id);
        _joined[attendee.Id] = attendee;
    }

    // A join and a leave in one batch still sends the leave: a client that joined in between saw the
    // attendee in its Join() snapshot and must hear that they went.
    public void Left(string attendeeId)
    {
        _joined.Remove(attendeeId);
        _updated.Remove(attendeeId);
        _left.Add(attendeeId);
    }

    public void Updated(Attendee attendee)
    {
        if (_joined.ContainsKey(attendee.Id))
        {
            _joined[attendee.Id] = attendee;
        }
        else if (!_left.Contains(attendee.Id))
        {
            _updated[attendee.Id] = attendee;
        }
    }

    /// <summary>
    /// Puts back a message that could not go out yet, as older than what the batch holds: a newer change
    /// to the same attendee wins.
    /// </summary>
    public void Restore(PresenceChange older)
    {
        foreach (var attendee in older.Joined)
        {
            if (_updated.Remove(attendee.Id, out var newer))
            {
                _joined[attendee.Id] = newer;
            }
            else if (!_left.Contains(attendee.Id))
            {
                _joined.TryAdd(attendee.Id, attendee);
            }
        }
        foreach (var attendeeId in older.Left)
        {
            if (!_joined.ContainsKey(attendeeId))
            {
                _updated.Remove(attendeeId);
                _left.Add(attendeeId);
            }
        }
        foreach (var attendee in older.Updated)
        {
            if (!_joined.ContainsKey(attendee.Id) && !_left.Contains(attendee.Id))
            {
                _updated.TryAdd(attendee.Id, attendee);
            }
        }
    }

    /// <summary>Takes the changes out as a message (without the count, which is read when it is sent).</summary>
    public PresenceChange Drain()
    {
        var change = new PresenceChange([.. _joined.Values], [.. _left], [.. _updated.Values], AttendeeCount: 0);
        _joined.Clear();
        _left.Clear();
        _updated.Clear();
        return change;
    }
}
