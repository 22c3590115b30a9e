namespace System.Collections.Generic
{
    /// <summary>One entry of a dictionary.</summary>
    public readonly struct KeyValuePair<TKey, TValue>
    {
        private readonly TKey _key;
        private readonly TValue _value;

        public KeyValuePair(TKey key, TValue value)
        {
            _key = key;
            _value = value;
        }

        public TKey Key => _key;

        public TValue Value => _value;

        public void Deconstruct(out TKey key, out TValue value)
        {
            key = _key;
            value = _value;
        }

        public override string ToString() => "[" + (_key?.ToString() ?? "") + ", " + (_value?.ToString() ?? "") + "]";
    }

    /// <summary>Creates pairs with the types inferred.</summary>
    public static class KeyValuePair
    {
        public static KeyValuePair<TKey, TValue> Create<TKey, TValue>(TKey key, TValue value) => new KeyValuePair<TKey, TValue>(key, value);
    }
}
