using System.Collections;
using System.Text;

namespace Grpc.Core;

/// <summary>
/// Custom metadata: ordered key/value pairs sent as HTTP/2 headers or trailers. Keys ending in
/// <c>-bin</c> carry bytes (base64 on the wire); all others carry printable ASCII.
/// </summary>
public sealed class Metadata : IList<Metadata.Entry>
{
    public const string BinaryHeaderSuffix = "-bin";

    /// <summary>An empty, read-only instance.</summary>
    public static readonly Metadata Empty = new Metadata().Freeze();

    private readonly List<Entry> _entries;
    private bool _readOnly;

    public Metadata()
    {
        _entries = [];
    }

    public int Count => _entries.Count;

    public bool IsReadOnly => _readOnly;

    public Entry this[int index]
    {
        get => _entries[index];
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            CheckWritable();
            _entries[index] = value;
        }
    }

    /// <summary>The last entry with the key, or null.</summary>
    public Entry? Get(string key)
    {
        for (var i = _entries.Count - 1; i >= 0; i--)
        {
            if (_entries[i].KeyEqualsIgnoreCase(key))
            {
                return _entries[i];
            }
        }

        return null;
    }

    /// <summary>The last ASCII value with the key, or null.</summary>
    public string? GetValue(string key)
    {
        var entry = Get(key);
        if (entry is not null && entry.IsBinary)
        {
            throw new InvalidOperationException("Can't get a string value of binary metadata entry '" + key + "'.");
        }

        return entry?.Value;
    }

    /// <summary>The last binary value with the key, or null.</summary>
    public byte[]? GetValueBytes(string key) => Get(key)?.ValueBytes;

    public IEnumerable<Entry> GetAll(string key)
    {
        foreach (var entry in _entries)
        {
            if (entry.KeyEqualsIgnoreCase(key))
            {
                yield return entry;
            }
        }
    }

    public void Add(string key, string value) => Add(new Entry(key, value));

    public void Add(string key, byte[] valueBytes) => Add(new Entry(key, valueBytes));

    public void Add(Entry item)
    {
        ArgumentNullException.ThrowIfNull(item);
        CheckWritable();
        _entries.Add(item);
    }

    public void Insert(int index, Entry item)
    {
        ArgumentNullException.ThrowIfNull(item);
        CheckWritable();
        _entries.Insert(index, item);
    }

    public void RemoveAt(int index)
    {
        CheckWritable();
        _entries.RemoveAt(index);
    }

    public bool Remove(Entry item)
    {
        CheckWritable();
        return _entries.Remove(item);
    }

    public void Clear()
    {
        CheckWritable();
        _entries.Clear();
    }

    public int IndexOf(Entry item) => _entries.IndexOf(item);

    public bool Contains(Entry item) => _entries.Contains(item);

    public void CopyTo(Entry[] array, int arrayIndex) => _entries.CopyTo(array, arrayIndex);

    public List<Entry>.Enumerator GetEnumerator() => _entries.GetEnumerator();

    IEnumerator<Entry> IEnumerable<Entry>.GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _entries.GetEnumerator();

    internal Metadata Freeze()
    {
        _readOnly = true;
        return this;
    }

    private void CheckWritable()
    {
        if (_readOnly)
        {
            throw new InvalidOperationException("Metadata is read-only.");
        }
    }

    /// <summary>One metadata key and its value.</summary>
    public sealed class Entry
    {
        private readonly string? _value;
        private readonly byte[]? _valueBytes;

        public Entry(string key, string value)
        {
            ArgumentNullException.ThrowIfNull(value);
            Key = NormalizeKey(key);
            if (IsBinary)
            {
                throw new ArgumentException("Key for an ASCII value must not end with '" + BinaryHeaderSuffix + "'.", nameof(key));
            }

            if (!IsPrintableAscii(value))
            {
                throw new ArgumentException("Metadata value must be printable ASCII: use a '-bin' key for other data.", nameof(value));
            }

            _value = value;
        }

        public Entry(string key, byte[] valueBytes)
        {
            ArgumentNullException.ThrowIfNull(valueBytes);
            Key = NormalizeKey(key);
            if (!IsBinary)
            {
                throw new ArgumentException("Key for a binary value must end with '" + BinaryHeaderSuffix + "'.", nameof(key));
            }

            _valueBytes = valueBytes;
        }

        public string Key { get; }

        public bool IsBinary => Key.EndsWith(BinaryHeaderSuffix, StringComparison.Ordinal);

        /// <summary>The ASCII value; binary entries have none.</summary>
        public string Value => _value ?? throw new InvalidOperationException("Binary metadata entry '" + Key + "' has no string value.");

        /// <summary>The value's bytes (ASCII bytes for a text entry).</summary>
        public byte[] ValueBytes => _valueBytes ?? Encoding.ASCII.GetBytes(_value!);

        public override string ToString() => IsBinary
            ? $"[Entry: key={Key}, valueBytes={_valueBytes!.Length}]"
            : $"[Entry: key={Key}, value={_value}]";

        internal bool KeyEqualsIgnoreCase(string key) => string.Equals(Key, key, StringComparison.OrdinalIgnoreCase);

        private static string NormalizeKey(string key)
        {
            ArgumentException.ThrowIfNullOrEmpty(key);
            var normalized = key.ToLowerInvariant();
            foreach (var c in normalized)
            {
                // HTTP/2 header names, as gRPC restricts them: lowercase letters, digits, '-', '_', '.'.
                if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '.'))
                {
                    throw new ArgumentException("Metadata key '" + key + "' contains an invalid character.", nameof(key));
                }
            }

            return normalized;
        }

        private static bool IsPrintableAscii(string value)
        {
            foreach (var c in value)
            {
                if (c is < ' ' or > '~')
                {
                    return false;
                }
            }

            return true;
        }
    }
}
